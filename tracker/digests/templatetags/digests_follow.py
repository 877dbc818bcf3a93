"""`{% load digests_follow %}{% follow_choices as choices %}`: what the subscribe form offers when the
page it sits on follows nothing in particular (the all-cases timeline, the subscribe page): every case
and topic, court cases first. One query."""

from django import template

from tracker.cases.models import Case

register = template.Library()


@register.simple_tag
def follow_choices() -> list[Case]:
    return list(Case.objects.order_by("kind", "name"))  # "case" sorts before "topic"
