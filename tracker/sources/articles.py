"""Storing articles: one row per canonical URL, every feed that carried it linked, copies marked
(`copies`), edits kept as versions.

Duplicates are made impossible by constraints (unique canonical URL, unique feed + guid); the code
finds or inserts on those keys (`article_rows`): two workers storing the same entry at once end with one row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from tracker.cases.relevance import Vocabulary, load_vocabularies
from tracker.sources import article_rows, copies, dedupe, publication, relating
from tracker.sources.credits import find_credited_source
from tracker.sources.models import Article, ArticleFeed, ArticleVersion, Feed, Outlet
from tracker.sources.pages import Page
from tracker.sources.parsing import Entry
from tracker.sources.sanitising import html_to_text
from tracker.sources.signals import article_stored

URL_MAX = Article._meta.get_field("canonical_url").max_length
FINALIZED = ["text_hash", "copy_of", "copy_kind", "copy_similarity"]  # what `finalize` sets
EDITABLE = (Article.Status.FETCHED, Article.Status.ANALYZED)  # a page's new text is then an edit


class Unstorable(Exception):
    """An entry that cannot be stored; str() is the reason, recorded on the poll's FetchRun."""


@dataclass
class Context:
    """What storing needs to know besides the entry: loaded once per poll, not per entry."""

    vocabularies: list[Vocabulary]
    feed_case_ids: list[int] = field(default_factory=list)
    # Outlets found stored, by domain (one created now is not: its entry's savepoint may roll back).
    outlets: dict[str, Outlet] = field(default_factory=dict)
    # The poll's guids its feed had not stored (storing.unseen_guids): each skips its lookup once.
    unseen: set[str] = field(default_factory=set)


def context_for(feed: Feed | None = None) -> Context:
    case_ids = list(feed.cases.values_list("id", flat=True)) if feed else []
    return Context(vocabularies=load_vocabularies(), feed_case_ids=case_ids)


@dataclass
class Stored:
    article: Article
    created: bool = False
    updated: bool = False
    needs_page: bool = False


# --- outlets --------------------------------------------------------------------------------------


def outlet_for(url: str, *, name: str = "", known: dict[str, Outlet] | None = None) -> Outlet:
    """The outlet of a URL's domain, created on first sight (named `name`, else its domain). Never
    renamed here: whatever a feed says, an existing outlet keeps its name (`name_from_own_page`).
    `known`: outlets already found stored, by domain (`Context.outlets`), kept there when found."""
    domain = dedupe.registrable_domain(url)[:253]
    if known is not None and domain in known:
        return known[domain]
    outlet, created = Outlet.objects.get_or_create(
        domain=domain, defaults={"name": (name or domain)[:200], "homepage": f"https://{domain}/"[:200]}
    )
    if known is not None and not created:
        known[domain] = outlet
    return outlet


def name_from_own_page(outlet: Outlet, name: str) -> None:
    """A page fetched from the outlet's own host names an outlet still called by its bare domain."""
    if name and outlet.name == outlet.domain:
        outlet.name = name[:200]
        outlet.save(update_fields=["name"])


def outlet_for_entry(entry: Entry, feed: Feed, known: dict[str, Outlet] | None = None) -> Outlet:
    """An article's *claimed* outlet: its own domain, or the item's <source> when the link points back
    at the aggregator that carried it; never simply the feed. Whether the claim is established is
    `feed_establishes`; a name given here only names an outlet created now."""
    link_domain = dedupe.registrable_domain(entry.link)
    feed_domain = dedupe.registrable_domain(feed.url)
    source_domain = dedupe.registrable_domain(entry.source_url) if entry.source_url else ""
    if source_domain and link_domain == feed_domain and source_domain != link_domain:
        return outlet_for(entry.source_url, name=entry.source_name, known=known)
    name = ""
    if entry.source_name and source_domain in ("", link_domain):
        name = entry.source_name
    elif feed.outlet and feed.outlet.domain == link_domain:
        name = feed.outlet.name
    elif feed_domain == link_domain:
        name = feed.title
    return outlet_for(entry.link, name=name, known=known)


def feed_establishes(feed: Feed, link: str, outlet: Outlet) -> bool:
    """Evidence that an item's outlet is really its outlet: the feed is the outlet's own (the feed, the
    item's link and the outlet share a host) or staff trust the feed as an aggregator. A `<source>`
    alone, or a link to the feed's own host under another outlet's name, is a claim, not evidence."""
    if feed.trusted_aggregator:
        return True
    return dedupe.registrable_domain(feed.url) == dedupe.registrable_domain(link) == outlet.domain


def _establish(article: Article, *, feed: Feed, link: str) -> None:
    """Later evidence (the outlet's own feed, a trusted aggregator) establishes a stored article."""
    if not article.outlet_established and feed_establishes(feed, link, article.outlet):
        article.outlet_established = True
        Article.objects.filter(pk=article.pk).update(outlet_established=True)


# --- entries ----------------------------------------------------------------------------------


def entry_hash(entry: Entry) -> str:
    raw = "\x1f".join([entry.title, entry.summary_html, entry.content_html])
    return hashlib.sha256(raw.encode()).hexdigest()


def store_entry(*, feed: Feed, entry: Entry, context: Context) -> Stored | None:
    """Store one feed entry: a new article, a new feed for a known article, or an edit. None when
    the entry has no link (the parser reports those); Unstorable when its link is too long to store."""
    canonical = dedupe.canonical_url(entry.link) if entry.link else ""
    if not canonical:
        return None
    if len(canonical) > URL_MAX or len(entry.link) > URL_MAX:
        raise Unstorable(f"link over {URL_MAX} characters: {entry.link[:80]}...")
    with transaction.atomic(savepoint=False):  # in store_entries' entry transaction: no savepoint of its own
        looked_up = entry.guid not in context.unseen  # a second entry with that guid is looked up
        context.unseen.discard(entry.guid)
        items = ArticleFeed.objects.select_related("article__outlet")
        item = items.filter(feed=feed, guid=entry.guid).first() if looked_up else None
        if item is not None:
            _establish(item.article, feed=feed, link=entry.link)
            return _update_from_entry(item, feed=feed, entry=entry, context=context)
        outlet = outlet_for_entry(entry, feed, context.outlets)
        article, created = article_rows.get_or_insert(
            canonical,
            _fields_from_entry(entry, outlet=outlet)
            | {"outlet_established": feed_establishes(feed, entry.link, outlet)},
        )
        if not created:
            _establish(article, feed=feed, link=entry.link)
        link = ArticleFeed(feed=feed, guid=entry.guid, article=article, link=entry.link)
        link.entry_hash = entry_hash(entry)  # one statement (get_or_create took four); one stored
        ArticleFeed.objects.bulk_create([link], ignore_conflicts=True)  # meanwhile is kept
        if created:
            if article.status == Article.Status.FETCHED:
                finalize(article, context=context, new=True)
            else:
                relating.attach_cases(article, context=context, new=True)
            return Stored(article, created=True, needs_page=article.status == Article.Status.NEW)
        return _fill_gaps(article, entry=entry, context=context)


def _fields_from_entry(entry: Entry, *, outlet: Outlet) -> dict:
    full = entry.has_full_text
    return {
        "outlet": outlet,
        "url": entry.link,
        "title": (entry.title or entry.link)[:500],
        "author": entry.author[:300],
        "published_at": entry.published_at,
        "published_from": Article.DateSource.FEED if entry.published_at else "",
        "summary": entry.summary_html,
        "content_html": entry.content_html if full else "",
        "text": entry.text if full else "",
        "truncated": entry.truncated,
        "extractor": "feed" if full else "",
        "status": Article.Status.FETCHED if full else Article.Status.NEW,
        "credited_source": find_credited_source(entry.content_html)[:200] if full else "",
    }


def _fill_gaps(article: Article, *, entry: Entry, context: Context) -> Stored:
    """A known article seen in another feed: take what the other feeds lacked (a date, full text)."""
    changed = []
    if article.published_at is None and entry.published_at:
        article.published_at, article.published_from = entry.published_at, Article.DateSource.FEED
        changed += ["published_at", "published_from"]
    if article.status == Article.Status.NEW and entry.has_full_text:
        article.content_html, article.text, article.extractor = entry.content_html, entry.text, "feed"
        article.status, article.truncated = Article.Status.FETCHED, entry.truncated
        changed += ["content_html", "text", "extractor", "status", "truncated"]
    if changed:
        article.save(update_fields=[*changed, "updated_at"])
    if "text" in changed:
        finalize(article, context=context)
    elif relating.brings_case(article, context.feed_case_ids):  # a feed of another case: analysed for it
        if article.status == Article.Status.FETCHED:
            finalize(article, context=context)
        else:
            relating.attach_cases(article, context=context)
    return Stored(article, updated=bool(changed), needs_page=article.status == Article.Status.NEW)


def _update_from_entry(item: ArticleFeed, *, feed: Feed, entry: Entry, context: Context) -> Stored:
    """A feed shows an entry it showed before. If its outlet's own feed changed the title or the full
    text, the outlet edited the article: keep the old state as a version."""
    article = item.article
    new_hash = entry_hash(entry)
    if new_hash == item.entry_hash:
        return Stored(article)
    item.entry_hash = new_hash
    item.save(update_fields=["entry_hash"])
    own_feed = (
        dedupe.registrable_domain(feed.url) == article.outlet.domain or feed.outlet_id == article.outlet_id
    )
    if not own_feed or article.status == Article.Status.NEW:
        return _fill_gaps(article, entry=entry, context=context)
    if entry.has_full_text:
        edited = record_edit(article, title=entry.title or article.title, text=entry.text)
        if edited:
            article.content_html = entry.content_html
            article.save(update_fields=["content_html"])
            finalize(article, context=context)
        return Stored(article, updated=edited)
    edited = record_edit(article, title=entry.title or article.title, text=article.text)
    # A summary-only feed changed: the page may have changed too; fetch it again to compare.
    return Stored(article, updated=edited, needs_page=True)


def record_edit(article: Article, *, title: str, text: str) -> bool:
    """Apply a new title/text; the state it replaces becomes an ArticleVersion. False if unchanged."""
    title = title[:500]
    if title == article.title and dedupe.text_fingerprint(text) == article.text_hash:
        return False
    now = timezone.now()
    ArticleVersion.objects.create(
        article=article,
        title=article.title,
        text=article.text,
        text_hash=article.text_hash,
        seen_at=article.edited_at or article.first_seen_at,
        replaced_at=now,
    )
    article.title, article.text, article.edited_at = title, text, now
    article.text_hash = dedupe.text_fingerprint(text)
    article.save(update_fields=["title", "text", "text_hash", "edited_at", "updated_at"])
    return True


# --- pages ------------------------------------------------------------------------------------


def apply_page(article: Article, page: Page, *, context: Context, fetched_from: str = "") -> Article:
    """Take the main text and metadata of the article's page. Returns the article that holds them:
    another one when the page's canonical link shows that this URL duplicates a stored article.
    `fetched_from` is the URL the page came from after redirects: when its host is the article's
    outlet's, the outlet is established (and the page's site name may name a bare-domain outlet)."""
    with transaction.atomic():
        article = copies.follow_canonical(article, page.canonical_url)
        own_host = bool(fetched_from) and dedupe.registrable_domain(fetched_from) == article.outlet.domain
        article.outlet_established = article.outlet_established or own_host
        if article.status in EDITABLE and article.text_hash:  # a text we hold, analysed or not: a version
            record_edit(article, title=page.title or article.title, text=page.text or article.text)
        else:
            article.title = (page.title or article.title)[:500]
            article.text = page.text if page.extractor else html_to_text(article.summary)
            article.status = Article.Status.FETCHED
        article.extractor = page.extractor or "summary"
        article.truncated = page.truncated if page.extractor else article.truncated
        article.author = article.author or page.author[:300]
        article.site_name = page.site_name[:200]
        article.credited_source = page.credited_source[:200] or article.credited_source
        if article.published_at is None and page.published_at:
            article.published_at, article.published_from = page.published_at, Article.DateSource.PAGE
            article.published_suspect = publication.page_time_suspect(article)  # as a feed's time is
        article.error = "" if page.extractor else "no main text found on the page; the feed's summary is kept"
        finalize(article, context=context, whole=True)  # saves the page's fields with its own
        if own_host:
            name_from_own_page(article.outlet, page.site_name)
    return article


# --- after the text is known --------------------------------------------------------------------


def finalize(article: Article, *, context: Context, whole: bool = False, new: bool = False) -> None:
    """Fingerprint, copy detection and relevance for an article whose text is stored (`whole`: saving
    every field, the caller's unsaved changes too; `new`: only the context's feed carries it); then hand
    it on (extraction) with its batch, once the transaction commits (signals.articles_stored)."""
    words = dedupe.normalised_words(article.text)  # normalised once: the fingerprint's and MinHash's
    article.text_hash = dedupe.fingerprint_of(words)
    if article.copy_kind != Article.CopyKind.CANONICAL:
        article.copy_of, article.copy_kind, article.copy_similarity = None, "", None
        copies.mark_copy(article, new=new, words=words)
    case_ids = relating.case_ids(article, context=context, new=new)
    article.relevant = bool(case_ids)  # saved in one UPDATE with the rest
    article_rows.update(article, None if whole else [*FINALIZED, "relevant", "updated_at"])  # save()'s UPDATE
    copies.mark_naming_copies(article)
    relating.store_cases(article.pk, case_ids, new=new)  # a new one has none to read
    article_stored(article.pk)  # joins the batch's articles_stored hand-off once this commits
