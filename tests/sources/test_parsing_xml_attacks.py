"""XML attacks on the feed parser: entity expansion, external entities and DTDs are neither expanded,
read nor fetched (`parse_feed`, `defuse_doctype`); the other parsing tests are in test_parsing.py."""

from __future__ import annotations

import re
import socket
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from tests.sources.test_parsing import ATOM, RSS
from tracker.sources.parsing import ATTACK_PROBLEM, parse_feed
from tracker.sources.sanitising import defuse_doctype

ATTACKS = Path(__file__).resolve().parents[3] / "shared" / "feeds" / "edge" / "xml-attacks"
ATTACK_FILES = sorted(ATTACKS.glob("*.xml")) if ATTACKS.is_dir() else []


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections: anything that reaches it was fetched.

    A thread accepts and closes each connection at once, so a fetch fails fast instead of waiting for
    an answer; `count()` stops it and also counts what the kernel queued but nobody accepted yet (a
    client's connect completes before the accept), so the check needs no sleep."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self._accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self._accepted += 1
            conn.close()

    def count(self) -> int:
        """The connections made so far; call once, after the code under test has returned."""
        self._stop.set()
        self._thread.join()
        self.sock.setblocking(False)
        while True:
            try:
                conn, _ = self.sock.accept()
            except BlockingIOError:
                return self._accepted
            self._accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


BILLION_LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
)


def attack_subsets(port: int) -> dict[str, str]:
    """The internal subsets of the attack corpus, plus classic ones; http entities point at `port`."""
    subsets = {
        "billion-laughs": BILLION_LAUGHS,
        "parameter-entity": f'<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/x.dtd"> %remote;',
        "http-entity": f'<!ENTITY xxe SYSTEM "http://127.0.0.1:{port}/note.xml">',
    }
    for path in ATTACK_FILES:
        match = re.search(r"<!DOCTYPE\s+\S+\s*\[(.*?)\]\s*>", path.read_text(), re.S)
        if match and "<!ENTITY" in match.group(1):
            subsets[path.stem] = re.sub(
                r'SYSTEM "http://[^"]*"', f'SYSTEM "http://127.0.0.1:{port}/e"', match[1]
            )
    return subsets


def attack_document(subset: str, encoding: str) -> bytes:
    refs = "".join(f"&{name};" for name in re.findall(r"<!ENTITY\s+(\w+)", subset)) or "&lol9;"
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<!DOCTYPE rss [\n{subset}\n]>\n'
        f"<rss version='2.0'><channel><title>{refs}</title><item><title>{refs}</title>"
        f"<description>{refs}</description><link>http://x.example/a</link></item></channel></rss>"
    ).encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_xml_attacks_neither_expand_nor_read_nor_fetch(listener, encoding):
    """The corpus's attack files (when ../shared/feeds is there) and three classics, wrapped as RSS."""
    subsets = attack_subsets(listener.port)
    assert len(subsets) == 3 + sum("<!ENTITY" in path.read_text() for path in ATTACK_FILES)
    for name, subset in subsets.items():
        tracemalloc.start()
        started = time.perf_counter()
        parsed = parse_feed(attack_document(subset, encoding))
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        strings = [parsed.title] + [f"{e.title} {e.summary_html} {e.text}" for e in parsed.entries]
        everything = " ".join(strings)
        assert elapsed < 2, name
        assert peak < 20_000_000, name
        assert ATTACK_PROBLEM in parsed.problem, name
        assert "lollol" not in everything and "BBBBBBBBBB" not in everything, name
        assert "root:" not in everything, name
        assert len(everything) < 2000, name
        assert [entry.link for entry in parsed.entries] == ["http://x.example/a"], name
    assert listener.count() == 0


def test_external_dtd_and_url_like_bytes_are_not_fetched(listener):
    url = f"http://127.0.0.1:{listener.port}/feed"
    doc = f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{url}"><rss version="2.0"><channel><title>t</title>'
    parsed = parse_feed(
        f"{doc}<item><title>&x;</title><link>http://x.example/</link></item></channel></rss>".encode()
    )
    assert parsed.entries and parsed.entries[0].title == ""  # an entity the unread DTD may define: skipped
    assert not parse_feed(url.encode()).is_feed
    assert listener.count() == 0


@pytest.mark.parametrize(
    "doc",
    [
        b'<!DOCTYPE rss [<!ENTITY a "]>"><!ENTITY b "x">]><rss/>',
        b'<?xml version="1.0"?><!-- <a --><!DOCTYPE rss [<!ENTITY a "<b>">]><rss/>',
        b'<?xml version="1.0"?><!ENTITY stray "x"><rss/>',
        b'<!-- unterminated <!DOCTYPE rss [<!ENTITY a "x">]><rss/>',
        b'<!DOCTYPE rss [<!ENTITY a "unterminated subset',
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "x">]><rss/>'.encode("utf-16"),
        '<?xml version="1.0" encoding="utf-16be"?><!DOCTYPE rss [<!ENTITY a "x">]><rss/>'.encode("utf-16-be"),
    ],
)
def test_defuse_doctype_removes_every_declaration(doc):
    defused, changed = defuse_doctype(doc)
    assert changed
    for encoding in ("utf-8", "utf-16", "utf-16-be"):
        assert "<!ENTITY".encode(encoding).removeprefix(b"\xff\xfe") not in defused


def test_defuse_doctype_leaves_plain_documents_alone():
    for doc in (RSS, ATOM, b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x"><rss/>'):
        assert defuse_doctype(doc) == (doc, False)
    netscape = b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x" [<!ENTITY a "b">]>'
    assert defuse_doctype(netscape + b"<rss/>")[0] == netscape.split(b" [")[0] + b"><rss/>"
