"""The packages depend one way: the API never imports the explorer, the explorer
reaches the API's shared pieces, and only ``serving`` knows both."""
from __future__ import annotations

import ast
from pathlib import Path

import dispacci

PACKAGE = Path(dispacci.__file__).parent


def _imports(package: str) -> dict[str, set[str]]:
    """Module → the dispacci sub-packages it imports (at any depth of the module)."""
    found = {}
    for path in (PACKAGE / package).rglob("*.py"):
        depth = len(path.relative_to(PACKAGE).parts) - 1  # folders below dispacci/
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    parts = [*path.relative_to(PACKAGE).parts[:depth - node.level + 1], *(node.module or "").split(".")]
                    names = [parts[0]] if parts and parts[0] else [alias.name for alias in node.names]
                else:
                    module = node.module or ""
                    names = [module.split(".")[1]] if module.startswith("dispacci.") else []
                targets.update(names)
            elif isinstance(node, ast.Import):
                targets.update(a.name.split(".")[1] for a in node.names if a.name.startswith("dispacci."))
        found[path.relative_to(PACKAGE).as_posix()] = targets
    return found


def test_the_api_never_imports_the_explorer():
    assert [module for module, targets in _imports("api").items() if "web" in targets] == []


def test_the_api_takes_only_the_shared_templating_from_serving():
    users = {module for module, targets in _imports("api").items() if "serving" in targets}
    assert users <= {"api/docs.py"}
    assert "create_app" not in (PACKAGE / "api" / "docs.py").read_text(encoding="utf-8")


def test_the_explorer_does_not_import_the_app():
    assert {m for m, targets in _imports("web").items() if "serving" in targets} <= {
        "web/__init__.py", "web/pages.py", "web/links.py"}
    app_users = [m for m in _imports("web") if "create_app" in (PACKAGE / m).read_text(encoding="utf-8")]
    assert app_users == []


def test_the_store_keeps_records_and_never_runs_the_analysis():
    """Reading and analysing articles is orchestrated above the store (``corpus``)."""
    users = {module: sorted(targets & {"pipeline", "ingest", "annotate", "corpus", "options"})
             for module, targets in _imports("store").items()}
    assert {module: targets for module, targets in users.items() if targets} == {}
