"""The claim page: the claim, its speaker and status, each outlet's evidence with the quoted words
marked, the different wordings of its quotes, its independent-source count and the claims linked to it.

Quotes are marked in the evidence sentence by their text: evidence stores quote offsets in the article,
not in the sentence, so the quote is found in the sentence (the first occurrence, which is the one the
offsets point at in every case where a sentence holds the words once).

The evidence is paged (EVIDENCE_PAGE cards, then "More reports", `?older=`): a claim 500 articles
report is not one 500-card page. The coverage and the wordings still read every report, as columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from tracker.cases.models import Entity
from tracker.crossref.corroboration import ARTICLE_FIELDS, coverage_of
from tracker.crossref.models import Claim, ClaimCandidate, ClaimRedirect, Discrepancy, Evidence, Mention
from tracker.web import apidata, paging
from tracker.web.search import Segments, mark

RECORD_KINDS = {ClaimCandidate.Kind.TESTIMONY, ClaimCandidate.Kind.RULING}
EVIDENCE_PAGE = 50
EVIDENCE_KEYS = [paging.Key("first_seen_at", descending=False), paging.Key("pk", descending=False)]


@dataclass
class Variant:
    """One wording of the claim's quotes and the outlets that printed it."""

    words: str
    outlets: list[str] = field(default_factory=list)


def quote_texts(evidence) -> list[str]:
    return [q.get("text", "") for q in evidence.quotes or [] if q.get("text")]


def marked_sentence(evidence: Evidence) -> Segments:
    """The evidence sentence with its verbatim quotes marked."""
    return mark(evidence.sentence, quote_texts(evidence))


def variants(evidence: list[Evidence], discrepancies: list[Discrepancy] = ()) -> list[Variant]:
    """The different wordings of the claim's quote: those of its quote-wording discrepancy when it has
    one (cross-referencing matched them as one quote), else every distinct quote of its evidence
    (compared without case and spacing), first printed first."""
    found: dict[str, Variant] = {}

    def add(text: str, outlet: str) -> None:
        variant = found.setdefault(" ".join(text.lower().split()), Variant(text))
        if outlet and outlet not in variant.outlets:
            variant.outlets.append(outlet)

    wordings = [d for d in discrepancies if d.kind == Discrepancy.Kind.QUOTE_WORDING]
    for d in wordings:
        for v in d.variants:
            if isinstance(v, dict) and v.get("words"):
                add(str(v["words"]), str(v.get("outlet", "")))
    if not wordings:
        for e in evidence:
            for text in quote_texts(e):
                add(text, e.article.outlet.name if isinstance(e, Evidence) else e.outlet)
    return list(found.values())


@dataclass
class Quoted:
    """An evidence row's quotes and outlet, all `variants` reads (of every report, not one page)."""

    quotes: list
    outlet: str


def distinct_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """One card per article and sentence: an article may carry the same sentence as two spans."""
    seen: set[tuple[int, str]] = set()
    out = []
    for e in evidence:
        if (e.article_id, e.sentence) not in seen:
            seen.add((e.article_id, e.sentence))
            out.append(e)
    return out


def claim_queryset():
    public = Claim.objects.public()
    return public.select_related(
        "speaker", "case", "event", "first_outlet", "responds_to__speaker", "story"
    ).prefetch_related(
        Prefetch("responses", public.select_related("speaker").order_by("first_seen_at", "pk")),
        Prefetch(
            "discrepancies",
            Discrepancy.objects.exclude(status=Discrepancy.State.RESOLVED).order_by("-created_at"),
        ),
    )


@require_GET
def claim(request, pk: int):
    merged = Claim.objects.filter(pk=pk, merged_into__isnull=False).first()
    if merged is not None:  # a curator merged it: its address now leads to the claim it joined
        return redirect(merged.get_absolute_url(), permanent=True)
    claim = claim_queryset().filter(pk=pk).first()
    if claim is None:  # merged by claim linking into an older claim: its page lives there now
        if (heir := ClaimRedirect.heir_of(pk)) is None:
            raise Http404("No such claim.")
        return redirect("web:claim", heir, permanent=True)
    shown = apidata.evidence().filter(claim=claim)
    page = paging.page_or_404(
        request, shown, resource=f"claim:{claim.pk}", keys=EVIDENCE_KEYS, limit=EVIDENCE_PAGE
    )
    evidence = distinct_evidence(page.items)
    every = Evidence.objects.filter(claim=claim).order_by("first_seen_at", "pk")
    columns = ("quotes", "speaker_via", "article__outlet__name", *(f"article__{f}" for f in ARTICLE_FIELDS))
    reports = list(every.values("article_id", "first_seen_at", *columns))  # every report, one query
    discrepancies = list(claim.discrepancies.all())
    responds_to = claim.responds_to
    if responds_to is not None and not Claim.objects.public().filter(pk=responds_to.pk).exists():
        responds_to = None
    context = {
        "claim": claim,
        "case": claim.case,
        "tz": claim.case.time_zone if claim.case else "UTC",
        "evidence": [(e, marked_sentence(e)) for e in evidence],
        "evidence_page": page,
        "evidence_count": len(reports),
        "variants": variants(
            [Quoted(r["quotes"], r["article__outlet__name"]) for r in reports], discrepancies
        ),
        "coverage": coverage_of(
            {"article_id": r["article_id"], "first_seen_at": r["first_seen_at"]}
            | {f: r[f"article__{f}"] for f in ARTICLE_FIELDS}
            for r in reports
        ),
        "through": through_of([r["speaker_via"] for r in reports]),
        "responds_to": responds_to,
        "responses": list(claim.responses.all()),
        "discrepancies": discrepancies,
        "shows_record": claim.kind in RECORD_KINDS,
        "subjects": subjects_of(claim),
    }
    return render(request, "web/claim.html", context)


def through_of(vias: list[str]) -> str:
    """Who spoke for the claim's speaker, for its header: said only when every outlet's report gives
    the words to a representative ("Musk's lawyers"), each distinct wording once in report order; if
    any outlet gives them to the speaker directly, the header names the speaker alone and each
    evidence line says through whom."""
    if not vias or not all(vias):
        return ""
    return ", ".join(dict.fromkeys(vias))


def subjects_of(claim: Claim) -> list[Entity]:
    """The curated people and organisations the claim's reported words name (one query), its speaker
    apart: what a reader follows from the claim to the entity's page."""
    named = Mention.objects.filter(
        entity=OuterRef("pk"),
        article__evidence__claim=claim,
        start__gte=F("article__evidence__start"),
        end__lte=F("article__evidence__end"),
    )
    subjects = Entity.objects.curated().filter(Exists(named))
    return list(subjects.exclude(pk=claim.speaker_id).order_by("name"))
