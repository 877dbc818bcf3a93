"""A batch of digests (issue 17, goal 5): its claims in one commit before the first message, a query count
that does not grow with the number of subscribers, prepared messages identical to built ones, and at
most once per subscriber and period when the worker dies mid-batch."""

from __future__ import annotations

import re
import smtplib
from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.factories import SubscriberFactory
from tracker.cases.models import Entity
from tracker.digests import claims, composing, emails, sending, tokens
from tracker.digests.models import Delivery, Subscriber, Subscription

pytestmark = pytest.mark.django_db


def test_the_queries_of_a_batch_do_not_grow_with_its_subscribers(
    smtp_server, musk_case, current_period, django_assert_num_queries, settings
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    entity = Entity.objects.create(name="A quiet person", kind="PERSON", slug="quiet-person-batch")
    warm = [
        SubscriberFactory(email="warm@example.org", case=musk_case),
        SubscriberFactory(email="w@example.org", entity=entity),
    ]

    def batch(prefix: str, count: int) -> list[int]:
        ids = [SubscriberFactory(email=f"{prefix}{i}@example.org", case=musk_case).pk for i in range(count)]
        Subscriber.objects.filter(pk__in=ids[::3]).update(bounce_count=1)  # forgiven when delivered
        SubscriberFactory(email=f"{prefix}-entity@example.org", entity=entity)  # nothing new: EMPTY
        return [*ids, Subscriber.objects.get(email=f"{prefix}-entity@example.org").pk]

    sending.send_batch(subscriber_ids=[s.pk for s in warm], period=current_period)  # both digests cached
    small, large = batch("small", 3), batch("large", 40)
    # The subscribers and what they follow, what exists, the inserts, ours, the empties' Message-IDs,
    # the deliveries completed, the bounces forgiven, and a savepoint and its release around each commit.
    with django_assert_num_queries(12) as few:
        first = sending.send_batch(subscriber_ids=small, period=current_period)
    with django_assert_num_queries(len(few.captured_queries)):
        second = sending.send_batch(subscriber_ids=large, period=current_period)
    assert (first.sent, first.empty, second.sent, second.empty) == (3, 1, 40, 1)
    assert len(smtp_server.messages) == 44 and smtp_server.connections == 3
    assert not Subscriber.objects.filter(bounce_count__gt=0).exists()
    sent = Delivery.objects.filter(status=Delivery.Status.SENT)
    assert sent.count() == 44 and {d.message_id for d in sent} == {
        m["Message-ID"] for m in smtp_server.messages
    }
    empty = Delivery.objects.filter(status=Delivery.Status.EMPTY)
    assert empty.count() == 3 and set(empty.values_list("message_id", flat=True)) == {""}


def same_but_tokens(body: bytes) -> bytes:
    """Signed tokens carry the time they were made: the same links otherwise."""
    return re.sub(rb"(unsubscribe|preferences)/[^/\s]+/", rb"\1/TOKEN/", body)


def test_a_prepared_message_is_the_message_django_builds(smtp_server, musk_case, current_period, settings):
    reader = SubscriberFactory(email="same@example.org", case=musk_case)
    sending.send_batch(subscriber_ids=[reader.pk], period=current_period)
    [fast] = smtp_server.messages
    Delivery.objects.all().delete()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sending.send_batch(subscriber_ids=[reader.pk], period=current_period)
    [built] = mail.outbox
    slow = built.message()
    for header in (
        "Subject",
        "From",
        "To",
        "List-Id",
        "List-Unsubscribe-Post",
        "Auto-Submitted",
        "Precedence",
    ):
        assert fast[header] == slow[header], header
    # Tokens are timestamped: the same subscriber, the same shape, the same links in the bodies.
    assert fast["List-Unsubscribe"].split("%20")[0] == slow["List-Unsubscribe"].split("%20")[0]
    fast_parts = [p.get_payload(decode=True) for p in fast.walk() if not p.is_multipart()]
    slow_parts = [p.get_payload(decode=True) for p in slow.walk() if not p.is_multipart()]
    assert len(fast_parts) == len(slow_parts) == 2
    token = fast["List-Unsubscribe"].split("%20")[1].split(">")[0]
    assert token.encode() in fast_parts[0] and token.encode() in fast_parts[1]
    assert b"invalid/" not in b"".join(fast_parts)
    for ours, django in zip(fast_parts, slow_parts, strict=True):
        assert same_but_tokens(ours.replace(b"\r\n", b"\n")) == same_but_tokens(django)
    assert Delivery.objects.get().message_id == slow["Message-ID"]


def test_a_message_that_cannot_be_prepared_is_built(smtp_server, musk_case, current_period):
    long_line = emails.Rendered("Subject", "x" * 1200 + "\n" + emails.UNSUBSCRIBE_MARK, "<p>hi</p>", 1)
    assert emails.prepare(long_line) is None  # quoted-printable: links cannot be filled in as they are
    short = emails.prepare(emails.Rendered("Subject", emails.UNSUBSCRIBE_MARK, "<p>hi</p>", 1))
    links = emails.Links("t", "https://example.org/u/t/", "https://example.org/p/t/")
    assert short.personal("plain.name+tag@example.org", links, "<m@x>") is not None
    for address in ('"quoted name"@example.org', "josé@example.org", "a..b@example.org"):
        assert short.personal(address, links, "<m@x>") is None  # written by Django instead
    reader = SubscriberFactory(email="long@example.org", case=musk_case)
    deliveries = [(reader, long_line, claims.Claimed(0, 1, "<x@example.org>"))]
    sent, failures = sending.deliver(deliveries)
    assert len(sent) == 1 and not failures
    [message] = smtp_server.messages
    assert (
        message["Message-ID"] == "<x@example.org>"
        and "unsubscribe/" in message.get_body(("plain",)).get_content()
    )


def test_a_worker_killed_mid_batch_sends_no_one_twice(smtp_server, musk_case, current_period, monkeypatch):
    ids = [SubscriberFactory(email=f"k{i}@example.org", case=musk_case).pk for i in range(3)]
    accepted = []
    real = smtplib.SMTP.sendmail

    def killed_after_two(self, *args, **kwargs):  # SIGKILL after the second 250: nothing more runs
        if len(accepted) == 2:
            raise SystemExit("killed")
        accepted.append(real(self, *args, **kwargs))

    with monkeypatch.context() as patch:
        patch.setattr(smtplib.SMTP, "sendmail", killed_after_two)
        with pytest.raises(SystemExit):
            sending.send_batch(subscriber_ids=ids, period=current_period)
    assert len(smtp_server.messages) == 2
    # All three were claimed, in one commit, before the first message: none is sent again.
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENDING}
    retry = sending.send_batch(subscriber_ids=ids, period=current_period)
    assert retry.skipped == 3 and retry.sent == 0 and len(smtp_server.messages) == 2
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert sending.abandon_stale() == 3
    late = current_period.end.replace(hour=23, minute=59)  # the beat, when this period's key is due
    assert composing.latest_period("daily", late).key == current_period.key
    assert all(not set(ids) & set(batch) for *_, batch in sending.due_batches(now=late))
    assert len(smtp_server.messages) == 2


def test_two_workers_on_one_batch_send_each_digest_once(smtp_server, musk_case, current_period):
    """A second worker (a redelivered task) that claims while the first one holds the batch gets none."""
    ids = [SubscriberFactory(email=f"w{i}@example.org", case=musk_case).pk for i in range(4)]
    plan = [
        (s, sending.render_for(sending.composing.Topics.of(s.subscriptions.all()), current_period))
        for s in Subscriber.objects.due(["daily"]).filter(pk__in=ids)
    ]
    first = claims.claim_batch(plan, current_period)
    assert claims.claim_batch(plan, current_period) == {}
    assert sending.send_batch(subscriber_ids=ids, period=current_period).skipped == 4
    assert len(first) == 4 and len({c.message_id for c in first.values()}) == 4


def test_a_batch_signs_the_links_make_token_signs(musk_case):
    reader = SubscriberFactory(email="tokens@example.org", case=musk_case)
    Subscriber.objects.filter(pk=reader.pk).update(token_version=7)
    reader.refresh_from_db()
    with time_machine.travel(timezone.now(), tick=False):
        links = emails.Linker().of(reader)  # one signer per purpose for the whole batch
        assert links.unsubscribe_token == tokens.make_token(reader, "unsubscribe")
        assert links.preferences.rstrip("/").endswith(tokens.make_token(reader, "manage"))
    assert tokens.read_token(links.unsubscribe_token, "unsubscribe")[0] == reader


def test_a_batch_composes_for_what_each_of_its_subscribers_follows(
    smtp_server, musk_case, current_period, settings
):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # all sample claims public: not a test of the tier
    entity = Entity.objects.get(name="OpenAI")  # speaks in the sample: a digest of its own
    both = SubscriberFactory(email="both@example.org", case=musk_case)
    Subscription.objects.create(subscriber=both, entity=entity)
    readers = [
        SubscriberFactory(email="case@example.org", case=musk_case),
        SubscriberFactory(email="entity@example.org", entity=entity),
        both,
        SubscriberFactory(email="nothing@example.org"),
    ]
    result = sending.send_batch(subscriber_ids=[r.pk for r in readers], period=current_period)
    assert (result.sent, result.empty) == (3, 1)

    def delivered(address: str) -> tuple[str, set[str], str]:
        """The digest's subject line up to its counts, the speakers of its claims, its home link."""
        [message] = smtp_server.to(address)
        text = message.get_body(("plain",)).get_content()
        speakers = set(re.findall(r"^- \[machine-extracted\] ([^:\n]+): ", text, re.M))
        home = re.search(r"^Everything on the tracker: (\S+)", text, re.M).group(1)
        return message["Subject"].split(":")[0], speakers, home

    title, speakers, home = delivered("case@example.org")
    assert title == musk_case.name and home.endswith(f"/cases/{musk_case.slug}/")
    assert {"Elon Musk", entity.name} <= speakers  # the case's claims, whoever speaks
    title, speakers, home = delivered("entity@example.org")
    assert title == entity.name and home.endswith(f"/entities/{entity.slug}/")
    assert speakers == {entity.name}  # the entity's claims only
    title, speakers, _ = delivered("both@example.org")
    assert title == f"{musk_case.name} and 1 more"  # the case and the entity together
    assert {"Elon Musk", entity.name} <= speakers
    assert smtp_server.to("nothing@example.org") == []
    assert Delivery.objects.get(subscriber=readers[3]).status == Delivery.Status.EMPTY


def test_a_claim_inserts_every_new_row_with_its_digest_values(current_period):
    """More subscribers than one INSERT statement takes: every row, each with its own Message-ID and
    the values of its own digest (nothing new: EMPTY, no attempt, no Message-ID)."""
    Subscriber.objects.bulk_create(Subscriber(email=f"c{i}@example.org") for i in range(160))
    subscribers = list(Subscriber.objects.order_by("pk"))
    news = emails.Rendered("Invented case: 2 new claims", "text", "<p>html</p>", 2)
    plan = [(s, None if i % 4 == 0 else news) for i, s in enumerate(subscribers)]
    claimed = claims.claim_batch(plan, current_period)
    assert len(claimed) == 160 and len({c.pk for c in claimed.values()}) == 160
    rows = Delivery.objects.order_by("subscriber_id")
    values = "subscriber_id", "status", "attempts", "subject", "item_count", "message_id", "period"
    for (subscriber, content), row in zip(plan, rows.values(*values), strict=True):
        assert row["subscriber_id"] == subscriber.pk and row["period"] == current_period.key
        if content:
            assert (row["status"], row["attempts"], row["subject"], row["item_count"]) == (
                Delivery.Status.SENDING,
                1,
                news.subject,
                2,
            )
            assert row["message_id"] == claimed[subscriber.pk].message_id
            assert row["message_id"].endswith(f".{subscriber.pk}@{emails.domain()}>")
        else:
            assert (row["status"], row["attempts"], row["subject"], row["message_id"]) == (
                Delivery.Status.EMPTY,
                0,
                "",
                "",
            )
    first = rows.first()
    assert (first.period_start, first.period_end) == (current_period.start, current_period.end)
    assert first.claimed_at and first.next_attempt_at is None and first.sent_at is None and first.error == ""
    assert claims.claim_batch(plan, current_period) == {}  # all taken: nothing claimed twice


def test_a_later_batch_of_the_same_digest_has_its_own_date_and_the_sender_of_now(
    smtp_server, musk_case, current_period, settings
):
    """The prepared digest is kept between batches; the Date is each batch's, the settings today's."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    readers = [SubscriberFactory(email=f"d{i}@example.org", case=musk_case).pk for i in range(3)]
    sending.send_batch(subscriber_ids=readers[:1], period=current_period)
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        sending.send_batch(subscriber_ids=readers[1:2], period=current_period)
    settings.TRACKER_DIGEST_FROM_EMAIL = "Invented Tracker <news@invented.example>"
    sending.send_batch(subscriber_ids=readers[2:], period=current_period)
    first, later, other = (smtp_server.to(f"d{i}@example.org")[0] for i in range(3))
    dates = [parsedate_to_datetime(m["Date"]) for m in (first, later)]
    assert timedelta(hours=3) <= dates[1] - dates[0] < timedelta(hours=3, minutes=5)
    assert same_but_tokens(first.get_body(("plain",)).get_content().encode()) == same_but_tokens(
        later.get_body(("plain",)).get_content().encode()
    )
    assert first["From"] == later["From"] != other["From"] == settings.TRACKER_DIGEST_FROM_EMAIL
