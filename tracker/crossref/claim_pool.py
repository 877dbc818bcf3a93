"""The claims a linking batch's articles may join, read once for the batch (`Pool.read`) and handed to
each `claim_linking.link_claims` of it, rather than read again for every article.

Read under the linking lock, after the batch is settled into its stories: the claims of the batch's
speakers (every candidate's speaker key) that started in one of the batch's stories, that an article of
one of them reports, or that a batch article's evidence points to (what its re-link may remove), with
the story of every article that reports them (`homes`). An article's own claims are then chosen in
memory as `claim_linking` chose them in the database: its speakers', near (of its story: started in it
or reported by one of its articles, or its own earlier evidence's) or of the same event elsewhere
(`claim_events`), and not merged away. The batch keeps the pool true as it writes: the claims it makes
join it (`made`), those it merges away or deletes leave it (`drop`), and the articles that report a
claim are `claim_evidence.Kept`'s, which follows each attach, merge and removal. Nothing else changes a
claim under the lock, so each article sees what the per-article read would have returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from django.db.models import Q

from tracker.crossref import claim_events, claim_evidence, kin_reads, pool_writes, run_evidence, speaker_kin
from tracker.crossref.claim_moves import held
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, StoryArticle
from tracker.crossref.words import Key, speaker_key
from tracker.sources.models import Article


def candidate_key(candidate: ClaimCandidate) -> Key:
    """The speaker key a candidate's claim is matched on."""
    return speaker_key(candidate.speaker_entity_id, candidate.named_speaker)


def speakers(keys: set[Key]) -> Q:
    """The claims of these speaker keys' speakers (a text key: any claim without an entity)."""
    found = Q(speaker_id__in=[value for kind, value in keys if kind == "entity"])
    if any(kind == "text" for kind, _ in keys):
        found |= Q(speaker__isnull=True)
    return found


class Pool(pool_writes.Writes):
    """The batch's claims by id, and the story of each article that reports one (`homes`)."""

    def __init__(self, claims: dict[int, Claim] | None = None, homes: dict[int, int] | None = None) -> None:
        self.claims = {} if claims is None else claims
        self.homes = {} if homes is None else homes  # changed only through `home`
        self.spoken: dict[Key, set[int]] = {}  # speaker key -> its claims' ids: `reach` looks at its own
        self.told: dict[int, tuple[set[int], int, set[int | None]]] = {}  # `stories`, by claim
        self.counted: dict[int, set[int]] = {}  # article -> the claims whose `told` holds its home
        self.unread: set[int] = set()  # the claims that may have no evidence in `kept`: joined, forgotten
        self.kin = speaker_kin.Index()  # its speakers by name, for `speaker_kin` (filled by `join`)
        self.join(list(self.claims.values()))
        self.covered: set[tuple[int, Key]] = set()  # (story, speaker key): their claims are held
        self.reports: claim_events.Reports | None = None  # the same-event reports, read for the batch
        self.began: dict[int, datetime | None] = {}  # story -> when it began (`claim_moves._days_apart`)
        self.moving: set[int] = set()  # moved, not linked again yet (`claim_moves.Movers`): not counted near
        self.unrecorded: list[Claim] = []  # the claims made, as made, awaiting their history rows
        self.unwritten: list[Evidence] = []  # a batch's new evidence, as attached, awaiting its insert
        self.batch = False  # a batch's (`of`): the history rows wait for `record`, else written at once

    @classmethod
    def of(
        cls, batch: claim_evidence.Articles, stories: list[int], kept: claim_evidence.Kept, words: Callable
    ) -> Pool:
        """The claims a batch's articles (their candidates' speakers, their stories, their unlocked
        evidence's claims) may join, read once for the batch before any of them is linked."""
        given = batch.given.values()
        keys = {candidate_key(c) for g in given for c in g.candidates}
        previous = {claim_id for g in given for claim_id, _, locked in g.evidence if not locked}
        reported = {claim_id for g in given for claim_id, _, _ in g.evidence}
        wanted = kin_reads.wanted((c for g in given for c in g.candidates), reported)
        pool = cls.read(keys, stories, previous, kept, words, wanted)
        pool.batch = True
        names = [c.named_speaker for g in given for c in g.candidates if not c.speaker_entity_id]
        entities = [value for kind, value in keys if kind == "entity"]
        named = {name for name in names if claim_events.named(name)}
        pool.reports = claim_events.Reports.read(batch.days.values(), entities, named, words)
        return pool

    @classmethod
    def read(
        cls,
        keys: set[Key],
        stories: Iterable[int],
        previous: Iterable[int],
        kept: claim_evidence.Kept,
        words: Callable[[str], frozenset[str]],
        wanted: kin_reads.Wanted | None = None,
    ) -> Pool:
        """Three queries: the claims, their evidence (into `kept`; in a bulk run what changed since the
        last batch: `run_evidence`), the stories of its articles. With `wanted`, a fourth first: who
        speaks each claim, and only those it keeps are read whole (`kin_reads`)."""
        stories = list(stories)
        reported = Evidence.objects.filter(article__story_membership__story__in=stories).values("claim_id")
        near = Q(story__in=stories) | Q(pk__in=reported) | Q(pk__in=list(previous))
        rows = Claim.objects.filter(speakers(keys)).filter(near, merged_into__isnull=True) if keys else []
        if wanted is not None and any(kind == "text" for kind, _ in keys):  # in Claim's order, as they were
            speaking = rows.values_list("pk", "speaker_id", "speaker_text")
            rows = Claim.objects.filter(pk__in=[pk for pk, *speaker in speaking if wanted(pk, *speaker)])
        claims = {claim.pk: claim for claim in rows}
        run_evidence.read(kept, [pk for pk in claims if pk not in kept], words)  # a bulk run's: kept
        articles = {a for pk in claims for a in kept[pk][2]}
        homes = dict(StoryArticle.objects.filter(article__in=articles).values_list("article_id", "story_id"))
        pool = cls(claims, homes)
        pool.covered = {(story, key) for story in stories for key in keys}
        return pool

    def cover(self, keys: set[Key], story: int, kept: claim_evidence.Kept, words: Callable) -> None:
        """A story's claims of speakers the pool was not read for (an article placed outside the
        settled batch, or linked on its own: an empty pool), read now beside those the pool holds
        (which keep their objects)."""
        if missing := {key for key in keys if (story, key) not in self.covered}:
            self.write()  # the claims its articles report: with the evidence the batch attached
            more = Pool.read(missing, [story], [], kept, words)
            for article, home in more.homes.items():
                self.home(article, home)
            self.covered |= more.covered
            self.join(claim for pk, claim in more.claims.items() if pk not in self.claims)

    def reach(
        self,
        article: int,
        keys: set[Key],
        story: int | None,
        previous: set[int],
        far: dict,
        kept: claim_evidence.Kept,
        words: Callable,
        kin: tuple[list[ClaimCandidate], str] | None = None,
    ) -> list[tuple[Claim, Key, bool]]:
        """The claims an article of `story` may join, oldest first, each with its key and whether it is
        near (else of the same event elsewhere: in `far`): its speakers' (`keys`, and those its reports may
        be kin of: `speaker_kin.Index.keys` of `kin`, its candidates and text), not merged away; of its
        earlier claims (`previous`), those it still holds (`claim_moves.held`). Their evidence is in `kept`
        after this (read for those not in it)."""
        self.moving.discard(article)  # linked again now: its reports count from here on
        if story is not None:
            self.cover(keys, story, kept, words)
            self.home(article, story)  # the claims it reports from now on are of its story
        self.add([*far, *previous])  # its evidence's claims, and those of the same event elsewhere
        if unread := sorted(pk for pk in self.unread if pk in self.claims and pk not in kept):
            if {e.claim_id for e in self.unwritten} & set(unread):
                self.write()  # their evidence is read: with what the batch attached to them
            kept.read(unread, words)
        self.unread = set()  # every claim of the pool is in `kept`
        if kin is not None:  # text keys: the cover of a text key reads every claim without an entity
            keys = keys | self.kin.keys(*kin)
        speaking = []  # its speakers' claims, not merged away
        for pk in sorted({pk for key in keys for pk in self.spoken.get(key, ())}):
            claim = self.claims[pk]
            key = speaker_key(claim.speaker_id, claim.speaker_text)
            if key in keys and claim.merged_into_id is None:
                speaking.append((claim, key))
        previous = held(self, article, story, previous, kept, [claim for claim, _ in speaking])
        near = {claim.pk: self.near(claim, story, previous, kept) for claim, _ in speaking}
        return [(claim, key, near[claim.pk]) for claim, key in speaking if near[claim.pk] or claim.pk in far]

    def near(self, claim: Claim, story: int | None, previous: set[int], kept: claim_evidence.Kept) -> bool:
        """Of the story (started in it, or reported by one of its articles), or the article's before."""
        if claim.pk in previous:
            return True
        if story is None:
            return False
        reports = kept[claim.pk][2] - self.moving if self.moving else kept[claim.pk][2]
        return claim.story_id == story or story in self.stories(claim.pk, reports)

    def stories(self, pk: int, articles: set[int]) -> set[int | None]:
        """The stories of the articles that report a claim (`homes`; None: an article with none), worked
        out once and kept while they stay the same: its articles (`Kept`'s set, only ever grown in place,
        else read anew: another object) are as many as counted; an article's home changes only through
        `home`, which drops what counted it."""
        told = self.told.get(pk)
        if told is None or told[0] is not articles or told[1] != len(articles):
            told = self.told[pk] = (articles, len(articles), {self.homes.get(a) for a in articles})
            for article in articles:
                self.counted.setdefault(article, set()).add(pk)
        return told[2]

    def home(self, article: int, story: int) -> None:
        """The article's story, in `homes`: the claims' stories that counted it are worked out again."""
        if self.homes.get(article) != story:
            self.homes[article] = story
            for pk in self.counted.pop(article, ()):
                self.told.pop(pk, None)

    def far(
        self, article: Article, entity_ids: list[int], names: list[str], words: Callable
    ) -> dict[int, list[claim_events.Report]]:
        """`claim_events.reports_near` of the article: from the batch's reports when they hold all it
        may be compared with, else read for it (one query)."""
        if self.reports is not None and self.reports.covers(article, entity_ids, names):
            return self.reports.near(article, entity_ids, names)
        self.write()  # the reports are read: with the evidence the batch attached
        return claim_events.reports_near(article, entity_ids, names, words)

    def forget(self, article: int, claim_ids: Iterable[int] = ()) -> None:
        """The article's evidence was removed (its re-link): its reports are gone, and its claims' (which
        `kept` forgot) are read again at the next `reach`."""
        self.unread.update(claim_ids)
        if self.reports is not None:
            self.reports.forget(article)

    def merged(self, kept: claim_evidence.Kept) -> None:
        """Claims merged away leave the pool; their reports are the claims' that took them."""
        self.drop(kept.merged)
        if self.reports is not None and kept.merged:
            self.reports.merge(kept.heir, self.claims)

    def add(self, claim_ids: Iterable[int]) -> None:
        """Claims of other stories (of the same event) not in the pool yet: read, in one query."""
        if missing := [pk for pk in claim_ids if pk not in self.claims]:
            self.join(Claim.objects.filter(pk__in=missing, merged_into__isnull=True))

    def left(self, claim_ids: set[int], rows: Iterable[Claim]) -> list[Claim]:
        """Of claims that lost an article's evidence, those left (`rows`, read now), as the pool holds
        them (their counts are refreshed on the objects the batch goes on with); the others leave it."""
        rows = list(rows)
        self.drop(claim_ids - {claim.pk for claim in rows})
        return [self.claims.get(claim.pk, claim) for claim in rows]

    def join(self, claims: Iterable[Claim]) -> None:
        """Claims into the pool, under their speaker's key (a claim's speaker never changes in a batch:
        a re-extracted claim follows a candidate of its own key)."""
        for claim in claims:
            self.claims[claim.pk] = claim
            self.unread.add(claim.pk)
            key = speaker_key(claim.speaker_id, claim.speaker_text)
            self.spoken.setdefault(key, set()).add(claim.pk)
            self.kin.add(key, claim.speaker_text, claim.text)

    def rekey(self, claim: Claim, old: Key, new: Key) -> None:
        """A claim that took a full name (`speaker_kin.take_full_name`) under its new speaker key."""
        if claim.pk is not None:
            self.spoken.get(old, set()).discard(claim.pk)
            self.spoken.setdefault(new, set()).add(claim.pk)
            self.kin.add(new, claim.speaker_text, claim.text)

    def drop(self, claim_ids: Iterable[int]) -> None:
        for pk in claim_ids:
            if (claim := self.claims.pop(pk, None)) is not None:
                self.spoken[speaker_key(claim.speaker_id, claim.speaker_text)].discard(pk)
