"""The sample docket states a hearing as CM/ECF writes one, so `make run` (news sample, then
loaddocketsample) shows a next hearing and hearings.ics has events: the feed's text-only
"[Set/Reset Hearing] ... Further Jury Trial set for 5/4/2026 08:30 AM ..." entry keeps its docket text
(courts that write only the type, or the case's name, after it are read as before)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from django.urls import reverse

from tracker.cases.models import Case
from tracker.dockets import parsing
from tracker.dockets.hearings import case_hearings
from tracker.dockets.sample import load_docket_sample
from tracker.web.views import next_hearing

pytestmark = pytest.mark.django_db

ITEM = """<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title>
<item><title>4:24-cv-04722-YGR Musk v. Altman et al</title><link>https://cand-ecf.example/x</link>
<description>{}</description><guid>g</guid><pubDate>Fri, 01 May 2026 00:31:00 GMT</pubDate></item>
</channel></rss>"""


def _description(description: str) -> str:
    (entry,) = parsing.parse_docket_feed(ITEM.format(description).encode()).entries
    return entry.description


def test_a_cmecf_description_keeps_the_docket_text_after_its_type():
    stated = "[Set/Reset Hearing] Jury Trial set for 5/4/2026 08:30 AM in Oakland, Courtroom 1."
    assert _description(stated) == "Jury Trial set for 5/4/2026 08:30 AM in Oakland, Courtroom 1."
    linked = "[Transcript Order] (&lt;a href='https://cand-ecf.example/doc1/1'&gt;502&lt;/a&gt;)"
    assert _description(linked) == "Transcript Order"
    assert _description("[Order] Musk v. Altman et al ") == "Order"  # nyed writes the case's name there


def test_the_sample_docket_states_hearings_and_the_next_one_follows_the_clock(client, sample_corpus):
    case = Case.objects.get(slug="musk-v-openai")
    load_docket_sample()
    stated = [(h.what, h.starts) for h in case_hearings(case)]
    assert [(what, start.astimezone(UTC)) for what, start in stated] == [
        ("Further Jury Trial", datetime(2026, 5, 4, 15, 30, tzinfo=UTC)),  # 08:30 PDT
        ("Post-trial Motion Hearing", datetime(2027, 2, 25, 22, 0, tzinfo=UTC)),  # 14:00 PST
    ]
    on_trial_day = next_hearing(case, datetime(2026, 5, 1, tzinfo=UTC))
    assert (on_trial_day.what, on_trial_day.starts.date(), on_trial_day.starts.time()) == (
        "Further Jury Trial",
        date(2026, 5, 4),
        time(8, 30),
    )
    assert next_hearing(case, datetime(2026, 12, 4, tzinfo=UTC)).what == "Post-trial Motion Hearing"
    assert next_hearing(case, datetime(2027, 3, 1, tzinfo=UTC)) is None
    calendar = client.get(reverse("web:case_hearings", args=[case.slug])).content.decode()
    assert calendar.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20260504T153000Z" in calendar and "DTSTART:20270225T220000Z" in calendar  # UTC
