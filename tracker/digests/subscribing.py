"""Subscribing with double opt-in, confirming, changing preferences and leaving.

A subscribe request never changes what an address receives: it only sends a confirmation link whose
signed payload carries the request (frequency, case or entity). The answer is the same whether the
address is known or not, and an address is mailed again only on a new request (rate limited)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.cases.models import Case, Entity
from tracker.digests import emails, tokens
from tracker.digests.models import Subscriber, Subscription, UsedConfirmation

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Requested:
    sent: bool  # False when the per-address limit held the mail back (the page says the same)
    subscriber: Subscriber


def request_subscription(
    *, email: str, frequency: str, case: Case | None = None, entity: Entity | None = None, send: bool = True
) -> Requested:
    """Record the address (pending if new) and mail a confirmation link for this request."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            subscriber, _ = Subscriber.objects.get_or_create(email=email)
    except IntegrityError:  # a concurrent request created it
        subscriber = Subscriber.objects.get(email=email)
    if not send:
        return Requested(False, subscriber)
    token = tokens.confirm_token(
        subscriber,
        frequency=frequency,
        case_id=case.pk if case else None,
        entity_id=entity.pk if entity else None,
    )
    message = emails.confirmation_message(subscriber, token=token, topic=entity or case)
    try:
        message.send()
    except Exception:  # noqa: BLE001 - the page answers the same; the reader can ask again
        log.exception("confirmation to subscriber %s not sent", subscriber.pk)
        return Requested(False, subscriber)
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now())
    return Requested(True, subscriber)


def confirm(confirmation: tokens.Confirmation) -> Subscriber:
    """Activate the subscriber and add what the link asked for; the link is then used up, and only
    it: the reader's other pending confirmation links still work. BadToken if it was used meanwhile."""
    subscriber = confirmation.subscriber
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if confirmation.nonce:
            _use_up(subscriber, confirmation.nonce)
        if confirmation.case_id and Case.objects.filter(pk=confirmation.case_id).exists():
            Subscription.objects.get_or_create(subscriber=subscriber, case_id=confirmation.case_id)
        if confirmation.entity_id and Entity.objects.filter(pk=confirmation.entity_id).exists():
            Subscription.objects.get_or_create(subscriber=subscriber, entity_id=confirmation.entity_id)
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.frequency = confirmation.frequency
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.bounce_count = 0  # a person proved the address works
        if not confirmation.nonce:  # a link made before nonces: used up the old way
            subscriber.token_version += 1
        subscriber.save()
    return subscriber


def _use_up(subscriber: Subscriber, nonce: str) -> None:
    now = timezone.now()
    UsedConfirmation.objects.filter(used_at__lt=now - tokens.MAX_AGE["confirm"]).delete()
    try:  # inside confirm's transaction, which the error rolls back whole
        UsedConfirmation.objects.create(nonce=nonce, subscriber=subscriber, used_at=now)
    except IntegrityError as exc:  # followed twice at once: the second one loses
        raise tokens.BadToken("This link has already been used.") from exc


def unsubscribe(subscriber: Subscriber) -> None:
    """Leave: no digest follows, and every link sent so far stops working."""
    Subscriber.objects.filter(pk=subscriber.pk).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now(), updated_at=timezone.now()
    )
    subscriber.bump_token_version()
    subscriber.refresh_from_db()


def update_preferences(
    subscriber: Subscriber, *, frequency: str, keep: list[Subscription], paused: bool
) -> None:
    """Change frequency and topics, pause or resume. Dropping every topic is leaving."""
    subscriber.subscriptions.exclude(pk__in=[s.pk for s in keep]).delete()
    if not keep:
        unsubscribe(subscriber)
        return
    subscriber.frequency = frequency
    if subscriber.status in (Subscriber.Status.ACTIVE, Subscriber.Status.PAUSED):
        subscriber.status = Subscriber.Status.PAUSED if paused else Subscriber.Status.ACTIVE
    subscriber.save(update_fields=["frequency", "status", "updated_at"])


def prefill(query) -> dict:
    """The subscribe page's form as the reader's last page leaves it: `?case=<slug>` preselects that
    case or topic in the choice, `?entity=<slug>` (a curated entity) fixes the entity."""
    context = {"case": None, "entity": None, "chosen": ""}
    if slug := query.get("entity"):
        curated = Entity.objects.curated()
        context["entity"] = curated.filter(slug=slug).first()
    if (slug := query.get("case")) and not context["entity"]:
        pk = Case.objects.filter(slug=slug).values_list("pk", flat=True).first()
        context["chosen"] = str(pk or "")
    return context
