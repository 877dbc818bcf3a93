"""The guarded HTTP client against a real local server: guard, redirects, limits, validators, robots."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from tests.support.httpserver import Answer, Request
from tracker.sources.fetching import FetchResponse, check_url, fetch, robots_allowed
from tracker.sources.guard import FetchError, RefusedURL

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title></channel></rss>'


@pytest.fixture
def outlet(httpserver, allow_private, settings):
    """The test server playing http://outlet.example/ (resolved to 127.0.0.1 like curl --resolve)."""
    settings.TRACKER_FETCH_RESOLVE = {"outlet.example": f"127.0.0.1:{httpserver.port}"}
    return httpserver


def closed_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the guard ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/feed", "file:///etc/passwd", "javascript:alert(1)", "http:///path", "example.com/x"],
)
def test_only_http_and_https_urls_with_a_host_are_fetched(url):
    with pytest.raises(RefusedURL) as caught:
        check_url(url)
    assert caught.value.kind == "bad_url"
    assert str(caught.value).startswith("bad_url: ")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
    ],
)
def test_the_guard_refuses_non_public_addresses_by_default(url):
    with pytest.raises(RefusedURL) as caught:
        check_url(url)
    assert caught.value.kind == "refused"
    assert caught.value.url == url


def test_the_message_names_the_address():
    with pytest.raises(RefusedURL, match=r"^refused: 10\.0\.0\.1 is a private address$"):
        check_url("http://10.0.0.1/feed.xml")


def test_public_addresses_pass_the_guard(settings):
    check_url("https://93.184.215.14/feed.xml")
    settings.TRACKER_FETCH_RESOLVE = {"news.example": "93.184.215.14:443"}
    check_url("https://news.example/feed.xml")


def test_allow_private_allows_loopback_and_private_but_never_link_local(allow_private):
    check_url("http://127.0.0.1:8000/")
    check_url("http://10.0.0.1/")
    for url in ("http://169.254.169.254/", "http://[fe80::1]/", "http://[::ffff:169.254.169.254]/"):
        with pytest.raises(RefusedURL, match="link-local"):
            check_url(url)


def test_the_resolve_setting_is_still_checked_by_the_guard(httpserver, settings):
    settings.TRACKER_FETCH_RESOLVE = {"outlet.example": f"127.0.0.1:{httpserver.port}"}
    with pytest.raises(RefusedURL, match="127.0.0.1 is a loopback address"):
        fetch("http://outlet.example/feed.xml")
    assert httpserver.requests == []


def test_a_resolved_host_is_fetched_at_the_vetted_address_with_its_own_host_header(outlet):
    outlet.route("/feed.xml", host="outlet.example", body=FEED)
    outlet.route("/feed.xml", host="other.example", body=b"wrong site")

    response = fetch("http://outlet.example/feed.xml")

    assert (response.status, response.content, response.url) == (200, FEED, "http://outlet.example/feed.xml")
    assert outlet.requests[-1].headers["host"] == "outlet.example"


def test_paths_with_spaces_and_non_ascii_text_are_sent_percent_encoded(outlet):
    outlet.route("/a%20b/caf%C3%A9", body=b"ok")

    assert fetch(outlet.url("/a b/café")).content == b"ok"
    assert fetch(outlet.url("/a%20b/caf%C3%A9")).content == b"ok"


# --- redirects ---------------------------------------------------------------------------------------


def test_a_redirect_to_the_metadata_service_is_refused_even_when_private_urls_are_allowed(outlet):
    outlet.route("/feed.xml", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    with pytest.raises(RefusedURL) as caught:
        fetch(outlet.url("/feed.xml"))
    assert caught.value.kind == "refused"
    assert caught.value.url == "http://169.254.169.254/latest/meta-data/"


def test_a_redirect_to_another_scheme_is_refused(outlet):
    outlet.route("/feed.xml", status=301, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(RefusedURL) as caught:
        fetch(outlet.url("/feed.xml"))
    assert caught.value.kind == "bad_url"


def test_permanent_redirects_give_the_url_to_store(outlet):
    outlet.route("/old.xml", host="outlet.example", status=301, headers={"Location": "/older.xml"})
    outlet.route("/older.xml", host="outlet.example", status=308, headers={"Location": "/feed.xml"})
    outlet.route("/feed.xml", host="outlet.example", body=FEED)

    response = fetch("http://outlet.example/old.xml")

    assert (response.status, response.content) == (200, FEED)
    assert response.url == response.permanent_url == "http://outlet.example/feed.xml"


def test_a_temporary_redirect_in_the_chain_means_nothing_to_store(outlet):
    outlet.route("/old.xml", status=301, headers={"Location": "/moving.xml"})
    outlet.route("/moving.xml", status=302, headers={"Location": outlet.url("/feed.xml")})
    outlet.route("/feed.xml", body=FEED)

    response = fetch(outlet.url("/old.xml"))

    assert (response.url, response.permanent_url) == (outlet.url("/feed.xml"), None)
    assert fetch(outlet.url("/feed.xml")).permanent_url is None


def test_five_redirects_are_followed_and_a_sixth_is_not(outlet):
    for hop in range(6):
        outlet.route(f"/r{hop}", status=307, headers={"Location": f"/r{hop + 1}"})
    outlet.route("/r6", body=b"arrived")

    assert fetch(outlet.url("/r1")).content == b"arrived"
    with pytest.raises(FetchError) as caught:
        fetch(outlet.url("/r0"))
    assert caught.value.kind == "too_many_redirects"


# --- transport failures ------------------------------------------------------------------------------


def test_a_slow_answer_is_a_timeout(outlet, settings):
    settings.TRACKER_FETCH_READ_TIMEOUT = 0.2
    outlet.route("/slow.xml", body=FEED, delay=1.0)

    with pytest.raises(FetchError) as caught:
        fetch(outlet.url("/slow.xml"))
    assert caught.value.kind == "timeout"


def test_a_connection_that_is_never_accepted_is_a_timeout(allow_private, settings):
    settings.TRACKER_FETCH_CONNECT_TIMEOUT = 0.2
    with closing(socket.socket()) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        # Fill the accept queue so that further handshakes go unanswered.
        fillers = [socket.create_connection(("127.0.0.1", port), timeout=1)]
        try:
            with pytest.raises(FetchError) as caught:
                fetch(f"http://127.0.0.1:{port}/")
        finally:
            for filler in fillers:
                filler.close()
    assert caught.value.kind == "timeout"


def test_an_unknown_host_is_a_dns_error():
    with pytest.raises(FetchError) as caught:
        fetch("http://nonexistent.invalid/feed.xml")
    assert caught.value.kind == "dns"
    assert not isinstance(caught.value, RefusedURL)


def test_a_closed_port_is_a_connection_error(allow_private):
    with pytest.raises(FetchError) as caught:
        fetch(f"http://127.0.0.1:{closed_port()}/")
    assert caught.value.kind == "connection"


def test_a_failed_tls_handshake_is_a_tls_error(outlet):
    with pytest.raises(FetchError) as caught:
        fetch("https://outlet.example/feed.xml")
    assert caught.value.kind == "tls"


def test_any_http_status_is_returned_with_its_retry_after(outlet):
    outlet.route("/busy", status=503, body=b"busy", headers={"Retry-After": "120"})

    response = fetch(outlet.url("/busy"))

    assert (response.status, response.content, response.retry_after_seconds) == (503, b"busy", 120)
    assert response.headers["retry-after"] == "120"


def test_retry_after_as_an_http_date():
    later = format_datetime(datetime.now(UTC) + timedelta(minutes=10), usegmt=True)
    response = FetchResponse("http://a.example/", 429, {"retry-after": later}, b"", 1, None)
    assert 590 <= response.retry_after_seconds <= 600
    assert (
        FetchResponse("http://a.example/", 429, {"retry-after": "soon"}, b"", 1).retry_after_seconds is None
    )


# --- size and encodings ------------------------------------------------------------------------------


def test_a_body_over_the_cap_is_refused(outlet, settings):
    outlet.route("/big", body=b"x" * 300_000)
    settings.TRACKER_FETCH_MAX_BYTES = 100_000

    for kwargs in ({}, {"max_bytes": 200_000}):
        with pytest.raises(FetchError) as caught:
            fetch(outlet.url("/big"), **kwargs)
        assert caught.value.kind == "too_large"
    assert len(fetch(outlet.url("/big"), max_bytes=300_000).content) == 300_000


@contextmanager
def streaming_server(piece: bytes, pause: float = 0.0, count: int = 2000) -> Iterator[tuple[str, list]]:
    """A raw server whose answer has no length: it sends `piece` `count` times, `pause` apart.

    The TestServer always sends Content-Length; this one shows what a client does without it.
    """
    listener = socket.create_server(("127.0.0.1", 0))
    sent: list[int] = []

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n")
            try:
                for _ in range(count):
                    conn.sendall(piece)
                    sent.append(len(piece))
                    time.sleep(pause)
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    with closing(listener):
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/", sent
    thread.join(5)


def test_an_endless_body_is_cut_off_while_streaming(allow_private):
    with streaming_server(b"y" * 65536) as (url, sent), pytest.raises(FetchError) as caught:
        fetch(url, max_bytes=1_000_000)
    assert caught.value.kind == "too_large"
    assert sum(sent) < 20_000_000


def test_a_body_that_drips_in_past_the_deadline_is_a_timeout(allow_private, settings):
    settings.TRACKER_FETCH_CONNECT_TIMEOUT = 0.1
    settings.TRACKER_FETCH_READ_TIMEOUT = 0.2  # each byte comes in time, the whole body does not
    started = time.monotonic()
    with streaming_server(b"z", pause=0.05, count=100) as (url, _), pytest.raises(FetchError) as caught:
        fetch(url)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 3


def test_a_gzip_bomb_is_refused(outlet):
    bomb = gzip.compress(b"\0" * 10_000_000)
    assert len(bomb) < 100_000
    outlet.route("/bomb.xml", body=bomb, headers={"Content-Encoding": "gzip"})

    with pytest.raises(FetchError) as caught:
        fetch(outlet.url("/bomb.xml"), max_bytes=1_000_000)
    assert caught.value.kind == "too_large"


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),
    ],
)
def test_compressed_bodies_come_back_decoded(outlet, encoding, compress):
    outlet.route("/feed.xml", body=compress(FEED * 100), headers={"Content-Encoding": encoding})

    response = fetch(outlet.url("/feed.xml"))

    assert response.content == FEED * 100
    assert "content-encoding" not in response.headers
    assert outlet.requests[-1].headers["accept-encoding"] == "gzip, deflate"


# --- request headers ---------------------------------------------------------------------------------


def test_validators_make_a_conditional_get_and_304_comes_back(outlet):
    def conditional(request: Request) -> Answer:
        if request.headers.get("if-none-match") == '"v1"':
            return Answer(304, headers={"ETag": '"v1"'})
        return Answer(200, FEED, {"ETag": '"v1"'})

    outlet.route("/feed.xml", handler=conditional)

    response = fetch(outlet.url("/feed.xml"), etag='"v1"', last_modified="Tue, 01 Apr 2025 10:00:00 GMT")

    assert (response.status, response.content, response.headers["etag"]) == (304, b"", '"v1"')
    sent = outlet.requests_to("/feed.xml")[-1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Tue, 01 Apr 2025 10:00:00 GMT"
    assert fetch(outlet.url("/feed.xml")).status == 200
    assert "if-none-match" not in outlet.requests_to("/feed.xml")[-1].headers


def test_every_request_carries_our_user_agent_and_accept(outlet, settings):
    settings.TRACKER_USER_AGENT = "CaseTracker/9.9 (+http://tracker.example/)"
    outlet.route("/a", status=302, headers={"Location": "/b"})
    outlet.route("/b", body=b"ok")

    fetch(outlet.url("/a"), accept="application/rss+xml")

    assert [r.headers["user-agent"] for r in outlet.requests] == [settings.TRACKER_USER_AGENT] * 2
    assert outlet.requests[-1].headers["accept"] == "application/rss+xml"


# --- per-host concurrency ----------------------------------------------------------------------------


def test_requests_to_one_host_wait_for_a_free_slot(outlet, settings):
    settings.TRACKER_FETCH_PER_HOST = 1
    lock = threading.Lock()
    in_flight = [0]
    peak = [0]

    def slow(request: Request) -> Answer:
        with lock:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
        time.sleep(0.3)
        with lock:
            in_flight[0] -= 1
        return Answer(200, b"ok")

    outlet.route("/slow", handler=slow)
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda: results.append(fetch(outlet.url("/slow")).status)) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert results == [200, 200, 200]
    assert peak[0] == 1


# --- robots.txt --------------------------------------------------------------------------------------


def test_robots_txt_is_obeyed_and_fetched_once_per_origin(outlet, settings):
    outlet.route("/robots.txt", host="outlet.example", body=b"User-agent: *\nDisallow: /private/\n")
    outlet.route("*", host="outlet.example", body=b"page")

    assert fetch("http://outlet.example/news/1.html", robots=True).content == b"page"
    with pytest.raises(FetchError) as caught:
        fetch("http://outlet.example/private/2.html", robots=True)
    assert caught.value.kind == "robots"
    assert robots_allowed("http://outlet.example/news/3.html")
    assert not robots_allowed("http://outlet.example/private/3.html")

    robots = outlet.requests_to("/robots.txt")
    assert len(robots) == 1
    assert robots[0].headers["user-agent"] == settings.TRACKER_USER_AGENT
    assert outlet.requests_to("/private/2.html") == []


def test_robots_txt_rules_for_our_user_agent(outlet, settings):
    settings.TRACKER_USER_AGENT = "CaseTracker/0.1 (+http://tracker.example/)"
    outlet.route("/robots.txt", body=b"User-agent: CaseTracker\nDisallow: /\n\nUser-agent: *\nAllow: /\n")

    assert not robots_allowed(outlet.url("/feed.xml"))
    settings.TRACKER_USER_AGENT = "OtherBot/1.0"
    assert robots_allowed(outlet.url("/feed.xml"))


@pytest.mark.parametrize("status", [404, 403, 500])
def test_a_missing_or_broken_robots_txt_allows_everything(outlet, status):
    outlet.route("/robots.txt", status=status, body=b"User-agent: *\nDisallow: /\n")

    assert robots_allowed(outlet.url("/feed.xml"))


def test_an_unreachable_robots_txt_allows_everything(allow_private):
    assert robots_allowed(f"http://127.0.0.1:{closed_port()}/feed.xml")
