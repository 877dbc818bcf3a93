"""The docket parser on the real CM/ECF samples (compared with Free Law Project's parse of each) and
on the feeds written for the tests."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.dockets.conftest import FIXTURES, shared_dockets
from tracker.dockets.kinds import classify
from tracker.dockets.matching import docket_key, match_case, normalise, split_docket_number
from tracker.dockets.parsing import parse_docket_feed


def real_samples() -> list[Path]:
    folder = shared_dockets() / "cmecf-rss"
    return sorted(folder.glob("*.xml")) if folder.is_dir() else []


@pytest.mark.skipif(
    not real_samples(),
    reason="the real CM/ECF samples are absent: ../shared/dockets/cmecf-rss (or $TRACKER_SHARED_DIR/dockets)",
)
@pytest.mark.parametrize("path", real_samples(), ids=lambda p: p.stem)
def test_real_samples_parse_like_juriscraper(path: Path):
    parsed = parse_docket_feed(path.read_bytes())
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert parsed.is_feed and parsed.source == "cmecf"
    got = [(e.docket_number, e.description, e.entered_at, e.document_number or None) for e in parsed.entries]
    want = [
        (
            docket["docket_number"],
            docket["docket_entries"][0]["short_description"].strip(),
            datetime.fromisoformat(docket["docket_entries"][0]["date_filed"]),
            docket["docket_entries"][0]["document_number"],
        )
        for docket in expected
    ]
    assert got == want
    assert all(e.entered_at.tzinfo is UTC and e.filed_on is None for e in parsed.entries)


def test_iso_8859_1_appellate_and_bankruptcy_details():
    if not real_samples():
        pytest.skip("the real CM/ECF samples are absent")
    folder = shared_dockets() / "cmecf-rss"
    ca10 = parse_docket_feed((folder / "ca10.xml").read_bytes()).entries[0]
    assert ca10.docket_number == "19-8054" and ca10.number is None  # a document id, not an entry number
    assert ca10.document_url == "https://ecf.ca10.uscourts.gov/docs1/010010807970"
    nysb = parse_docket_feed((folder / "nysb_1.xml").read_bytes()).entries[0]
    assert (nysb.docket_number, nysb.judge_initials, nysb.number) == ("16-10992", "smb", 5237)
    wvsd = parse_docket_feed((folder / "wvsd.xml").read_bytes())
    assert len(wvsd.entries) == 2 and "1 item" in wvsd.problem  # 5:18-~gr-00001 is no docket number


def test_court_wide_feed_written_for_the_tests():
    parsed = parse_docket_feed((FIXTURES / "cand_court_wide.xml").read_bytes())
    assert parsed.is_feed and len(parsed.entries) == 13
    names = {e.case_name for e in parsed.entries}
    assert "Peña v. Example Corp" in names  # ISO-8859-1 decoded
    musk = [e for e in parsed.entries if e.docket_number == "4:24-cv-04722"]
    assert len(musk) == 9 and {e.judge_initials for e in musk} == {"YGR"}
    day3 = next(e for e in musk if e.number == 501)
    assert day3.entry_type == "Minute Entry - Jury Trial"
    assert day3.entered_at == datetime(2026, 5, 1, 0, 52, 9, tzinfo=UTC)
    assert day3.document_url.startswith("https://cand-ecf.example/doc1/035129870498")
    hearing = next(e for e in musk if e.entry_type == "Set/Reset Hearing")
    assert hearing.document_url == "" and hearing.number is None


def test_courtlistener_docket_feed():
    parsed = parse_docket_feed((FIXTURES / "courtlistener_docket.xml").read_bytes())
    assert parsed.source == "courtlistener" and len(parsed.entries) == 3
    first, minute, order = parsed.entries
    assert (first.docket_number, first.number, first.case_name) == ("4:24-cv-04722", 501, "Musk v. Altman")
    assert first.filed_on == date(2026, 4, 30) and first.document_url.endswith(".501.0.pdf")
    assert first.description.startswith("Minute Entry for proceedings held")
    assert minute.number is None and minute.document_url == "" and minute.filed_on == date(2026, 4, 29)
    assert classify(order.entry_type, order.description) == "order"


def test_not_a_feed():
    assert not parse_docket_feed(b"<html><body>maintenance</body></html>").is_feed
    assert not parse_docket_feed(b"").is_feed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4:24-cv-04722-YGR", "4:24-cv-04722"),
        ("4:24-cv-4722", "4:24-cv-04722"),
        ("4:24-CV-04722", "4:24-cv-04722"),
        ("24-cv-04722", "24-cv-04722"),
        ("16-10992-smb", "16-10992"),
        ("22-3054", "22-3054"),
        ("5:18-~gr-00001", ""),
        ("Musk v. Altman", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_matching_with_or_without_initials_and_office():
    class C:
        def __init__(self, number):
            self.docket_number = number

    tracked = C("4:24-cv-04722-YGR")
    for number in (
        "4:24-cv-04722",
        "4:24-cv-4722",
        "4:24-cv-04722-YGR-TSH",
        "24-cv-04722",
        "04:2024-cv-4722",
    ):
        assert match_case(number, [C("x"), tracked]) is tracked, number
    for number in ("1:24-cv-04722-RMI", "4:24-cr-04722", "4:25-cv-04722", "4:24-cv-04723", "nonsense"):
        assert match_case(number, [tracked]) is None, number
    assert split_docket_number("1:12-cv-04402-PKC-CLP") == ("1:12-cv-04402", "PKC-CLP")
    assert docket_key("16-10992-smb").type is None


@pytest.mark.parametrize(
    ("entry_type", "kind"),
    [
        ("Order", "order"),
        ("Order on Motion in Limine", "order"),
        ("Pretrial Order", "order"),
        ("Motion to Dismiss", "motion"),
        ("Motion for Protective Order", "motion"),
        ("Minute Entry - Jury Trial", "minutes"),
        ("Jury Verdict", "verdict"),
        ("Judgment", "judgment"),
        ("Transcript of Proceedings", "transcript"),
        ("Transcript Order", "other"),
        ("Set/Reset Hearing", "hearing"),
        ("~Util - Set Hearings", "hearing"),
        ("Certificate of Service", "service"),
        ("Application for Admission of Attorney Pro Hac Vice", "pro_hac_vice"),
        ("Notice of Appearance", "appearance"),
        ("NOTICE of Appearance by Jane Roe on behalf of OpenAI", "appearance"),
        ("Notice of Change of Address", "notice"),
        ("Civil Cover Sheet", "other"),
    ],
)
def test_classify(entry_type, kind):
    assert classify(entry_type) == kind
