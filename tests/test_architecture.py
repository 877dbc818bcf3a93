"""The seams between apps, read from the source with `ast` (issue 14's "Done when").

import-linter (`make lint`) holds the layer contract for every import; these tests name the two seams
the issue removed, so they cannot come back unnoticed by a test run:

- an import inside a function (or `importlib.import_module` / `apps.get_model` with a literal) that
  reaches an app above, or beside, its own: cases, nlp < sources < crossref < dockets < web, digests
  < curation;
- a model-signal receiver (`post_save`, `pre_save`, ... by `connect` or `@receiver`) whose sender is
  another app's model, or any model (no sender): apps hand off through their own signals instead
  (`articles_stored`, `events_changed`).

Each check is a function of one module's source, tested on small snippets first. And every module
keeps its budget of lines (domain 300, models and admin 400, tests 500; migrations and settings are
not domain modules).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tracker"

# The layer of each app, lowest first; apps of one layer do not import each other either.
LAYERS = {
    "cases": 0,
    "nlp": 0,
    "sources": 1,
    "crossref": 2,
    "dockets": 3,
    "web": 4,
    "digests": 4,
    "curation": 5,
}
MODEL_SIGNALS = {"pre_init", "post_init", "pre_save", "post_save", "pre_delete", "post_delete", "m2m_changed"}
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def app_of(dotted: str) -> str | None:
    """The app a dotted module path ("tracker.crossref.models.Event") or app label belongs to."""
    parts = dotted.split(".")
    if parts[0] == "tracker" and len(parts) > 1:
        return parts[1] if parts[1] in LAYERS else None
    return parts[0] if parts[0] in LAYERS else None


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The dotted names an import statement binds: modules, or module.attribute for `from` imports."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    source = _absolute(node, module, is_package)
    return [f"{source}.{alias.name}" for alias in node.names]


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}


def _enclosing_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.AST | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, FUNCTIONS):
            return node
    return None


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dynamic_target(call: ast.Call) -> str | None:
    """What `importlib.import_module("x")`, `import_string("x")` or `apps.get_model("label", ...)` /
    `apps.get_model("label.Model")` reaches, when written as a literal."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    first = _literal(call.args[0]) if call.args else None
    if name in ("import_module", "import_string", "__import__"):
        return first
    if name == "get_model" and first:
        return first.split(".")[0]
    return None


def upward_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """Function-level imports of `module` that reach an app not below its own, as readable lines."""
    own = app_of(module)
    if own is None:
        return []
    tree = ast.parse(source)
    parents = _parents(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            targets = _imported(node, module, is_package)
        elif isinstance(node, ast.Call) and (target := _dynamic_target(node)):
            targets = [target]
        else:
            continue
        function = _enclosing_function(node, parents)
        if function is None:
            continue  # module level: import-linter's contract
        for target in targets:
            app = app_of(target)
            if app is not None and app != own and LAYERS[app] >= LAYERS[own]:
                where = getattr(function, "name", "<lambda>")
                found.append(f"{module}:{node.lineno} {where}() imports {target} ({own} -> {app})")
    return found


def _signal_name(node: ast.AST) -> str | None:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
    return name if name in MODEL_SIGNALS else None


def _bindings(tree: ast.AST, module: str, is_package: bool) -> dict[str, str]:
    """Each name a module's imports bind, to the dotted path it stands for."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, module, is_package)
            for alias in node.names:
                names[alias.asname or alias.name] = f"{source}.{alias.name}"
    return names


def _sender_app(sender: ast.AST | None, names: dict[str, str], own: str) -> str | None:
    """The app of a receiver's sender: a model imported from an app, a "label.Model" string or
    `self.get_model(...)` in an AppConfig (its own app); None when there is none or it cannot be told."""
    if sender is None:
        return None
    if (text := _literal(sender)) is not None:
        return app_of(text.split(".")[0])
    if (
        isinstance(sender, ast.Call)
        and isinstance(sender.func, ast.Attribute)
        and sender.func.attr == "get_model"
    ):
        if isinstance(sender.func.value, ast.Name) and sender.func.value.id == "self":
            return own
        return (
            app_of(_literal(sender.args[0]).split(".")[0])
            if sender.args and _literal(sender.args[0])
            else None
        )
    dotted = []
    while isinstance(sender, ast.Attribute):
        dotted.insert(0, sender.attr)
        sender = sender.value
    if isinstance(sender, ast.Name) and sender.id in names:
        return app_of(".".join([names[sender.id], *dotted]))
    return None


def _sender(call: ast.Call, positional: int) -> ast.AST | None:
    for keyword in call.keywords:
        if keyword.arg == "sender":
            return keyword.value
    return call.args[positional] if len(call.args) > positional else None


def cross_app_receivers(source: str, module: str, is_package: bool = False) -> list[str]:
    """Model-signal receivers in `module` whose sender is not one of its own app's models."""
    own = app_of(module)
    if own is None:
        return []
    tree = ast.parse(source)
    names = _bindings(tree, module, is_package)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "connect"
            and (signal := _signal_name(func.value))
        ):
            sender = _sender(node, 1)
        elif getattr(func, "id", getattr(func, "attr", None)) == "receiver" and node.args:
            signals = node.args[0].elts if isinstance(node.args[0], ast.List | ast.Tuple) else [node.args[0]]
            signal = next(filter(None, map(_signal_name, signals)), None)
            sender = _sender(node, 1)
        else:
            continue
        if signal is None:
            continue
        app = _sender_app(sender, names, own)
        if app != own:
            what = "any model" if sender is None else f"{ast.unparse(sender)} ({app or 'unknown app'})"
            found.append(f"{module}:{node.lineno} {signal} receiver in {own} for {what}")
    return found


def tracker_modules() -> list[tuple[Path, str]]:
    return [(path, module_name(path)) for path in sorted(PACKAGE.rglob("*.py"))]


# The checks on snippets: each seam is found, and what is allowed is not.


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("def f():\n    from tracker.crossref.models import Claim\n", "tracker.cases.curation", 1),
        ("def f():\n    import tracker.web.views\n", "tracker.dockets.event_linking", 1),
        ("def f():\n    from ..sources import storing\n", "tracker.crossref.tasks", 0),
        ("def f():\n    from ..dockets import linking\n", "tracker.crossref.tasks", 1),
        ("class A:\n    def f(self):\n        from tracker.curation import x\n", "tracker.web.views", 1),
        ("def f():\n    from tracker.digests import x\n", "tracker.web.views", 1),  # beside: no
        ("def f():\n    from tracker.nlp import x\n", "tracker.cases.models", 1),
        ("def f():\n    importlib.import_module('tracker.crossref.tasks')\n", "tracker.sources.tasks", 1),
        ("def f(apps):\n    apps.get_model('dockets', 'DocketEntry')\n", "tracker.crossref.x", 1),
        ("def f(apps):\n    apps.get_model('auth', 'Group')\n", "tracker.curation.permissions", 0),
        ("from tracker.crossref.models import Claim\n", "tracker.cases.x", 0),  # import-linter's
        ("def f():\n    from tracker.cases.models import Case\n", "tracker.web.views", 0),
        ("def f():\n    from tracker.settings import X\n", "tracker.cases.x", 0),
        ("def f():\n    from tracker.crossref import x\n", "tracker.celery", 0),
    ],
)
def test_upward_imports_on_snippets(source, module, expected):
    assert len(upward_imports(source, module)) == expected


HEADER = "from django.db.models.signals import post_save\nfrom django.dispatch import receiver\n"


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        (
            "from tracker.crossref.models import Event\n@receiver(post_save, sender=Event)\ndef f(**kw): ...\n",
            "tracker.dockets.apps",
            1,
        ),
        (
            "from tracker.crossref import models\npost_save.connect(f, sender=models.Event)\n",
            "tracker.dockets.apps",
            1,
        ),
        (
            "from django.db.models import signals\nsignals.pre_save.connect(f, 'cases.Case')\n",
            "tracker.dockets.apps",
            1,
        ),
        ("@receiver([post_save], sender='cases.Case')\ndef f(**kw): ...\n", "tracker.dockets.apps", 1),
        ("@receiver(post_save)\ndef f(**kw): ...\n", "tracker.dockets.apps", 1),  # any model
        (
            "class C:\n    def ready(self):\n        post_save.connect(f, sender=self.get_model('Event'))\n",
            "tracker.crossref.apps",
            0,
        ),
        (
            "from .models import Event\n@receiver(post_save, sender=Event)\ndef f(**kw): ...\n",
            "tracker.crossref.receivers",
            0,
        ),
        (
            "@receiver(events_changed)\ndef f(**kw): ...\n",
            "tracker.dockets.receivers",
            0,
        ),  # an app's own signal
    ],
)
def test_cross_app_receivers_on_snippets(source, module, expected):
    assert len(cross_app_receivers(HEADER + source, module)) == expected


# The project itself.


def in_the_project(check) -> list[str]:
    """What `check` (a function of one module's source) finds in every module of the project."""
    return [
        line
        for path, module in tracker_modules()
        for line in check(path.read_text(), module, path.name == "__init__.py")
    ]


def test_no_function_level_import_reaches_up_the_layers():
    assert in_the_project(upward_imports) == []


def test_no_model_signal_receiver_across_apps():
    assert in_the_project(cross_app_receivers) == []


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in PACKAGE.glob("*/apps.py")} | {"nlp"}
    assert apps == set(LAYERS)


def budget(path: Path) -> int:
    if path.is_relative_to(ROOT / "tests"):
        return 500
    return 400 if path.name == "models.py" or path.name.endswith("admin.py") else 300


def test_every_module_keeps_its_budget():
    paths = [
        path for path, _ in tracker_modules() if "migrations" not in path.parts and path.name != "settings.py"
    ]
    over = {
        str(path.relative_to(ROOT)): lines
        for path in paths + sorted((ROOT / "tests").rglob("*.py"))
        if (lines := len(path.read_text().splitlines())) > budget(path)
    }
    assert over == {}, f"over budget (domain 300 lines, models and admin 400, tests 500): {over}"
