"""Recognising the same article twice: canonical URLs and exact text fingerprints.

Pure functions, no ORM. The two cheap levels (near copies are `minhash`'s):

- `canonical_url`: one spelling per address, so a link with tracking parameters (an aggregator's
  `?utm_source=...`) finds the article already stored under its clean URL.
- `text_fingerprint`: the same text up to case, punctuation and whitespace (a re-fetch, a mirror),
  over `normalise_text`, which `minhash` shingles too.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

# Query parameters that identify a campaign, a click or a referrer, never the document.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "igshid",
    "igsh", "yclid", "twclid", "ttclid", "li_fat_id", "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer",
    "cmpid", "ocid", "smid", "smtyp", "icid", "s_cid", "at_medium", "at_campaign", "at_custom1",
    "at_custom2", "_hsenc", "_hsmi", "mkt_tok", "vero_id", "wt_mc", "cmp", "xtor", "sr_share", "spm",
    "guccounter", "guce_referrer", "guce_referrer_sig", "trk", "soc_src", "soc_trk",
})  # fmt: skip
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "oly_", "__hs")
HOST_PREFIXES = ("www.", "m.", "amp.")

_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = "/:@!$&'()*+,;="
_QUERY_SAFE = "/:@!$&'()*+,;=?"
_APOSTROPHES = "'’ʼ‘`´"


# URLs


def canonical_url(url: str) -> str:
    """One spelling per address: lower-case scheme and host, IDNA host, no default port, no fragment,
    no tracking parameters (the others kept in their order), normalised percent-encoding, "/" for an
    empty path. Input that is not an absolute URL comes back stripped, unchanged; never raises.
    """
    stripped = (url or "").strip()
    try:
        parts = urlsplit(stripped)
        port = parts.port
    except ValueError:
        return stripped
    if not parts.scheme or not parts.hostname:
        return stripped
    scheme = parts.scheme.lower()
    host = _idna(parts.hostname.rstrip("."))
    if ":" in host:
        host = f"[{host}]"
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    path = _normalise_escapes(parts.path, _PATH_SAFE) or "/"
    query = "&".join(
        _normalise_escapes(param, _QUERY_SAFE)
        for param in parts.query.split("&")
        if param and not _is_tracking(param.split("=", 1)[0])
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def registrable_domain(url_or_host: str) -> str:
    """The site an address belongs to: its host, lower-case, without "www.", "m." or "amp." in front.

    No public-suffix list: "news.example.co.uk" stays whole; only those mobile/AMP prefixes go.
    """
    text = (url_or_host or "").strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    host = _idna(host.rstrip("."))
    stripped = True
    while stripped:
        stripped = False
        for prefix in HOST_PREFIXES:
            if host.startswith(prefix) and "." in host[len(prefix) :]:
                host, stripped = host[len(prefix) :], True
    return host


def _is_tracking(name: str) -> bool:
    name = unquote_plus(name).strip().lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def _idna(host: str) -> str:
    host = host.lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def _normalise_escapes(text: str, safe: str) -> str:
    """Percent-encoding in one form: unreserved characters decoded, other escapes upper-cased,
    everything unsafe (spaces, non-ASCII, a stray "%") escaped. Reserved characters keep their
    escapes, so an encoded "/" or "&" keeps its meaning. Idempotent.
    """
    pieces = _PERCENT_ESCAPE.split(text)
    out = []
    for index, piece in enumerate(pieces):
        if index % 2:
            char = chr(int(piece, 16))
            out.append(char if char in _UNRESERVED else f"%{piece.upper()}")
        else:
            out.append(quote(piece, safe=safe))
    return "".join(out)


# Text


@functools.cache
def _punctuation() -> re.Pattern[str]:
    """One character class of the Basic Multilingual Plane's punctuation and symbols (Unicode categories
    P* and S*), apostrophes aside: re looks a character up in one step, where str.translate with a
    table of them took ~135 ns a character (most of an article's normalising)."""
    codes = [
        code
        for code in range(0x10000)
        if unicodedata.category(chr(code))[0] in "PS" and chr(code) not in _APOSTROPHES
    ]
    ranges = []  # (first, last) of each run of consecutive code points
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(rf"\u{a:04x}-\u{b:04x}" for a, b in ranges) + "]")


def normalised_words(text: str) -> list[str]:
    """The words of `normalise_text(text)`, unjoined (what `minhash` shingles)."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    for apostrophe in _APOSTROPHES:
        if apostrophe in text:
            text = text.replace(apostrophe, "")
    return _punctuation().sub(" ", text).split()


def normalise_text(text: str) -> str:
    """Text reduced for comparison: NFKC, lower-case, punctuation and symbols gone, whitespace collapsed.

    Apostrophes vanish ("don't" -> "dont"); other punctuation separates words ("e-mail" -> "e mail").
    """
    return " ".join(normalised_words(text))


def text_fingerprint(text: str) -> str:
    """SHA-256 of the normalised text: equal for texts differing only in case, punctuation or spacing."""
    return fingerprint_of(normalised_words(text))


def fingerprint_of(words: list[str]) -> str:
    """`text_fingerprint` of a text whose `normalised_words` are known (`minhash` shingles the same)."""
    normalised = " ".join(words)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest() if normalised else ""
