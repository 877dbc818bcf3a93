"""The seed corpus (tracker/sources/sample_data) served as a small offline web by a TestServer.

Every `<domain>` under site/ becomes a virtual host. Links in the served bytes are rewritten from
https to http (the test server speaks plain HTTP); paths map to files, with `.html` added for
article pages. Answers carry an ETag and Last-Modified and honour conditional requests, as a real
server would.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.support.httpserver import Answer, Request, TestServer

SEEDS = Path(__file__).resolve().parents[2] / "tracker" / "sources" / "sample_data"
SITE = SEEDS / "site"
LAST_MODIFIED = "Fri, 01 May 2026 10:00:00 GMT"


def hosts() -> list[str]:
    return sorted(p.name for p in SITE.iterdir() if p.is_dir())


def manifest() -> list[dict]:
    return json.loads((SEEDS / "manifest.json").read_text())


def http_url(https_url: str) -> str:
    """The address under which the seed web serves an https://<domain>/... link."""
    return "http://" + https_url.removeprefix("https://")


def _rewrite(body: bytes) -> bytes:
    for host in hosts():
        body = body.replace(f"https://{host}".encode(), f"http://{host}".encode())
    return body


def _content_type(path: Path) -> str:
    if path.suffix == ".html":
        return "text/html; charset=utf-8"
    text = path.read_bytes()[:500]
    if b"<feed" in text:
        return "application/atom+xml; charset=utf-8"
    return "application/rss+xml; charset=utf-8"


def _file_for(host: str, path: str) -> Path | None:
    relative = path.split("?")[0].split("#")[0].lstrip("/")
    for candidate in (SITE / host / relative, SITE / host / f"{relative}.html"):
        if candidate.is_file() and SITE in candidate.resolve().parents:
            return candidate
    return None


def handle(request: Request) -> Answer:
    found = _file_for(request.host, request.path)
    if found is None:
        return Answer(404, b"not found", {"Content-Type": "text/plain"})
    body = _rewrite(found.read_bytes())
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
    headers = {"Content-Type": _content_type(found), "ETag": etag, "Last-Modified": LAST_MODIFIED}
    if request.headers.get("if-none-match") == etag:
        return Answer(304, b"", {"ETag": etag})
    return Answer(200, body, headers)


def serve(server: TestServer) -> dict[str, str]:
    """Route every seed host to `server`; returns the TRACKER_FETCH_RESOLVE mapping for the fetcher."""
    for host in hosts():
        server.routes[(host, "*")] = handle
    return dict.fromkeys(hosts(), f"127.0.0.1:{server.port}")
