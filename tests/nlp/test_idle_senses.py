"""Senses of a verb of saying that report nothing (idle_senses.py, patterns/idle_senses.jsonl):
"admit" or "confirm" with people for its object (let in, appointed), "write off". Sentences written
for the test."""

from __future__ import annotations


def said(claims):
    return [(c.speaker, c.verb, c.text) for c in claims]


def test_admitting_or_confirming_people_reports_nothing(claims_of):
    assert said(claims_of("The agency moved to admit 40,000 Afghans as refugees next year.")) == []
    assert said(claims_of("The Senate confirmed the nominees on Tuesday.")) == []


def test_writing_off_reports_nothing(claims_of):
    assert said(claims_of("The new rules would let farmers write off equipment purchases.")) == []


def test_admitting_or_confirming_a_fact_still_reports(claims_of):
    assert ("Jane Roe", "admit", "her mistake") in said(claims_of("Jane Roe admitted her mistake."))
    assert ("Jane Roe", "confirm", "the report") in said(claims_of("Jane Roe confirmed the report."))
    assert ("Jane Roe", "admit", "she had erred") in said(claims_of("Jane Roe admitted that she had erred."))


def test_a_class_reporting_figures_reports_nothing(claims_of):
    assert said(claims_of("Companies reporting losses will get a credit under the plan.")) == []
    assert said(claims_of("Households that report income below $50,000 would get the credit.")) == []


def test_one_filer_reporting_figures_still_reports(claims_of):
    assert ("Acme", "report", "a profit of $2 billion") in said(
        claims_of("Acme reported a profit of $2 billion on Tuesday.")
    )


def test_contesting_a_place_or_a_race_reports_nothing(claims_of):
    assert said(claims_of("Both Jane Roe and John Doe are heavily contesting Ohio.")) == []
    assert ("Jane Roe", "contest", "the ruling") in said(claims_of("Jane Roe contested the ruling."))


def test_claiming_a_share_or_a_status_reports_nothing(claims_of):
    assert said(claims_of("Jane Roe beat John Doe in the primary, claiming 41 percent of the vote.")) == []
    assert said(claims_of("The merged company will claim residency in Ireland.")) == []
    assert ("Jane Roe", "claim", "the vote was rigged") in said(
        claims_of("Jane Roe claimed the vote was rigged.")
    )


def test_adding_a_thing_reports_nothing(claims_of):
    assert said(claims_of("The new filing rule adds another hurdle to the appeal.")) == []
    assert said(claims_of("The county added 300 jobs in March.")) == []
    assert said(claims_of("The clerk has added a second courtroom to the building.")) == []


def test_adding_words_or_a_clause_still_reports(claims_of):
    assert ("Jane Roe", "add", "a note of caution") in said(claims_of("Jane Roe added a note of caution."))
    assert ("Jane Roe", "add", "the appeal would take months") in said(
        claims_of("Jane Roe added that the appeal would take months.")
    )


def test_pledged_delegates_read_as_a_verb_and_its_object_report_nothing(claims_of):
    assert said(claims_of("Ms. Adair won a clear majority of regular, pledged delegates.")) == []
    assert said(claims_of("Ms. Adair has 300 pledged delegates and 20 superdelegates.")) == []


def test_boasting_a_thing_reports_nothing(claims_of):
    assert said(claims_of("The county still boasts just one small courthouse.")) == []
    assert ("Jane Roe", "boast", "she had never lost an appeal") in said(
        claims_of("Jane Roe boasted that she had never lost an appeal.")
    )
