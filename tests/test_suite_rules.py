"""Rules the test suite keeps so that its tests stay independent of the order they run in.

A transactional test (``django_db(transaction=True)``) ends by flushing the database. Without
``serialized_rollback=True`` Django then recreates the content types and permissions, and the next
test that restores the serialized database at set-up meets them again: every later live-server,
worker and browser test errors with a duplicate content type (CI, 2026-12-03). So every transactional
test in the suite asks for the serialized rollback too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent


def unserialized_transactions(source: str) -> list[int]:
    """Lines of `django_db(transaction=True)` marks that do not also set `serialized_rollback=True`."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "django_db"):
            continue
        flags = {k.arg: getattr(k.value, "value", None) for k in node.keywords}
        if flags.get("transaction") is True and flags.get("serialized_rollback") is not True:
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("pytestmark = pytest.mark.django_db(transaction=True)", [1]),
        ("pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)", []),
        ("@pytest.mark.django_db\ndef test(): pass", []),
        ("pytestmark = [pytest.mark.x, pytest.mark.django_db(transaction=True, databases='__all__')]", [1]),
    ],
)
def test_unserialized_transactions_on_snippets(source, expected):
    assert unserialized_transactions(source) == expected


def test_every_transactional_test_restores_the_serialized_database():
    found = {
        str(path.relative_to(TESTS)): lines
        for path in sorted(TESTS.rglob("*.py"))
        if (lines := unserialized_transactions(path.read_text()))
    }
    assert found == {}, f"django_db(transaction=True) without serialized_rollback=True: {found}"
