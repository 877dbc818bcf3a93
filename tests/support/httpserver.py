"""A real HTTP server on 127.0.0.1 for tests: routes by host and path, canned or computed answers.

Tests register routes (`server.route("/feed.xml", body=b"...")`) and point the fetcher at
`server.url("/feed.xml")`. Requests are recorded so a test can assert what the client sent
(for example the validators of a conditional GET). Virtual hosts let one server play several sites:
the fetcher's TRACKER_FETCH_RESOLVE setting sends `newsapp.example` to this server, and the
Host header picks the site.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the first byte


@dataclass(frozen=True)
class Request:
    method: str
    host: str
    path: str
    headers: dict[str, str]


Handler = Callable[[Request], Answer]


class TestServer:
    def __init__(self):
        self.routes: dict[tuple[str | None, str], Answer | Handler] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body in two writes: no 40 ms delayed-ACK wait

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                self._answer()

            def do_HEAD(self):
                self._answer(head=True)

            def _answer(self, head=False):
                host = (self.headers.get("Host") or "").split(":")[0].lower()
                request = Request(
                    "HEAD" if head else "GET",
                    host,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                )
                with server._lock:
                    server.requests.append(request)
                answer = server._find(request)
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    headers = {"Content-Length": str(len(answer.body)), **answer.headers}
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if not head and answer.status not in (204, 304):
                        self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def _find(self, request: Request) -> Answer:
        path = request.path
        bare = path.split("?")[0]
        for key in (
            (request.host, path),
            (None, path),
            (request.host, bare),
            (None, bare),
            (request.host, "*"),
        ):
            target = self.routes.get(key)
            if target is not None:
                return target(request) if callable(target) else target
        return Answer(404, b"not found", {"Content-Type": "text/plain"})

    def route(self, path: str, *, host: str | None = None, handler: Handler | None = None, **answer) -> None:
        """Answer `path` (on `host`, or on any host) with a fixed Answer or by calling `handler`.

        The path "*" on a host catches every path of that host not routed otherwise.
        """
        self.routes[(host.lower() if host else None, path)] = handler or Answer(**answer)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0] == path.split("?")[0]]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
