"""The installed lists are compiled from the edited ones: requirements.txt and requirements-dev.txt pin
every package (transitive ones included) to one version, and pin each package of requirements.in and
requirements-dev.in at the version asked there. Read offline: nothing is installed or fetched."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")
ASKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split(" #")[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in requirement_lines(path):
        match = PIN.match(line)
        assert match, f"{path.name}: not an exact pin: {line!r}"
        found[canonical(match[1])] = match[2]
    return found


def asked(path: Path) -> dict[str, str]:
    found = {}
    for line in requirement_lines(path):
        if line.startswith("-r "):
            found.update(asked(path.parent / line[3:].strip()))
        elif not line.startswith("-"):
            match = ASKED.match(line)
            assert match, f"{path.name}: pin the direct dependency exactly: {line!r}"
            found[canonical(match[1])] = match[2]
    return found


@pytest.mark.parametrize("name", ["requirements", "requirements-dev"])
def test_compiled_list_pins_everything_the_edited_list_asks_for(name):
    compiled = pins(ROOT / f"{name}.txt")
    assert "pip-compile" in (ROOT / f"{name}.txt").read_text()[:400]  # made by pip-tools, not by hand
    for package, version in asked(ROOT / f"{name}.in").items():
        assert compiled.get(package) == version, f"{name}.txt: {package} not compiled from {name}.in"


def test_dev_list_holds_the_runtime_list_at_the_same_versions():
    runtime, dev = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-dev.txt")
    assert {package: dev.get(package) for package in runtime} == runtime
    # transitive packages are pinned too (spaCy's thinc, Celery's kombu, Django's sqlparse)
    assert {"thinc", "kombu", "sqlparse"} <= runtime.keys()
