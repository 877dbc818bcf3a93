"""The 'Follow by email' form lets the reader choose the case or topic where the page follows nothing in
particular (the all-cases timeline, the subscribe page), prefilled from where they came; it and the
preferences page offer alerts 'as it happens' beside the digests."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.digests.test_subscribing import link_in
from tracker.cases.models import Case
from tracker.digests import tokens
from tracker.digests.models import Subscriber, Subscription

pytestmark = pytest.mark.django_db


def form_of(html: str) -> str:
    return re.search(r'<form class="subscribe".*?</form>', html, re.S).group(0)


def options(select: str) -> dict[str, bool]:
    """{label: selected} of a <select>'s options."""
    return {
        label.strip(): bool(selected)
        for selected, label in re.findall(r"<option value=\"[^\"]*\"( selected)?>([^<]+)</option>", select)
    }


def case_choice(form: str) -> str:
    return re.search(r'<select name="case".*?</select>', form, re.S).group(0)


def test_the_all_cases_page_lets_the_reader_choose_the_case_or_topic(client):
    page = client.get(reverse("web:home"), {"case": "all"})
    assert page.status_code == 200
    form = form_of(page.content.decode())
    assert "Follow a case or topic by email" in form
    assert '<label for="subscribe-case-site">Case or topic</label>' in form
    choice = case_choice(form)
    assert '<optgroup label="Court cases">' in choice and '<optgroup label="Topics">' in choice
    assert list(options(choice)) == ["Musk v. OpenAI", "AI model distillation"]
    assert "As it happens: new court filings and discrepancies" in form
    # A case's own page follows that case: no choice to make.
    own = form_of(client.get(reverse("web:case", args=["musk-v-openai"])).content.decode())
    assert '<select name="case"' not in own and "Follow Musk v. OpenAI by email" in own


def test_the_subscribe_page_is_prefilled_from_where_the_reader_came(client):
    page = client.get(reverse("digests:subscribe"), {"case": "ai-distillation"})
    assert options(case_choice(form_of(page.content.decode()))) == {
        "Musk v. OpenAI": False,
        "AI model distillation": True,
    }
    unknown = client.get(reverse("digests:subscribe"), {"case": "no-such-case"})
    assert not any(options(case_choice(form_of(unknown.content.decode()))).values())


def test_choosing_a_topic_and_alerts_subscribes_to_that(client, smtp_server):
    topic = Case.objects.get(slug="ai-distillation")
    answer = client.post(
        reverse("digests:subscribe"),
        {"email": "reader@example.org", "frequency": "alerts", "case": topic.pk},
    )
    assert answer.status_code == 200 and "Check your inbox" in answer.content.decode()
    [message] = smtp_server.to("reader@example.org")
    assert "AI model distillation" in message["Subject"]
    confirm = client.get(link_in(message)).content.decode()
    assert "alerts as it happens (new court filings and discrepancies)" in confirm
    done = client.post(link_in(message)).content.decode()
    assert "an alert of new court filings and discrepancies as they happen" in done
    subscriber = Subscriber.objects.get(email="reader@example.org")
    assert subscriber.frequency == "alerts"
    assert list(Subscription.objects.filter(subscriber=subscriber).values_list("case__slug", flat=True)) == [
        "ai-distillation"
    ]
    # The manage page offers the same choice, and switches back to a digest.
    url = reverse("digests:preferences", args=[tokens.make_token(subscriber, "manage")])
    manage = client.get(url).content.decode()
    assert re.search(r'value="alerts"[^>]*checked', manage) and "as it happens" in manage
    kept = subscriber.subscriptions.get().pk
    client.post(url, {"frequency": "daily", "keep": [kept]})
    subscriber.refresh_from_db()
    assert subscriber.frequency == "daily"
