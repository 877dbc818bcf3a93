"""What a verb of naming or describing reports: the object with what it is called, in the order
written (descriptions.py; issue 12, PolNeAR train's shape for "called X “Y”" and "label as “Y” X").
Sentences written for the tests; each failed with its rule removed."""

from __future__ import annotations


def shapes(claims):
    return [(c.speaker, c.verb, c.text) for c in claims]


def test_an_object_after_its_description_is_content_without_the_as(claims_of):
    """ "is describing as “reckless” a plan": the description and the object, as "described the plan
    as reckless" has them; "dismissed as a fraud the claim that ..." keeps the claim with its clause."""
    text = "The governor is describing as “reckless” a rival's proposal to cut school funding."
    assert shapes(claims_of(text)) == [
        ("The governor", "describe", "“reckless” a rival's proposal to cut school funding")
    ]
    text = "The mayor labeled as “fake news” a story borrowed from another paper."
    assert shapes(claims_of(text)) == [
        ("The mayor", "label", "“fake news” a story borrowed from another paper")
    ]
    text = "Jane Roe dismissed as a fraud the claim that taxes would rise."
    assert shapes(claims_of(text)) == [("Jane Roe", "dismiss", "a fraud the claim that taxes would rise")]


def test_a_description_alone_keeps_its_as(claims_of):
    """ "which he describes as his second home", "was described as “a fraud” by critics": no object
    after the description, nothing shifted."""
    assert [c.text for c in claims_of("Florida, which he describes as his second home, voted early.")] == [
        "as his second home"
    ]
    assert [c.text for c in claims_of("The report was described as “a fraud” by critics.")] == [
        "as “a fraud”"
    ]


def test_a_quoted_name_is_content_with_the_object_it_names(claims_of):
    """ "called the merger “a terrible deal”": the merger with its name, not the quote alone."""
    assert shapes(claims_of("Jane Roe called the merger “a terrible deal” on Tuesday.")) == [
        ("Jane Roe", "call", "the merger “a terrible deal”")
    ]
    assert shapes(claims_of("Former Gov. Jo Roe called it “disqualifying.”")) == [
        ("Former Gov. Jo Roe", "call", "it “disqualifying.”")
    ]
