"""The architecture's import rules (see README, Architecture)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "govsvc_desktop"


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                base = ".".join(parts + ((base,) if base else ()))
            names.append(base)
    return names


def modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("path", modules("domain"), ids=lambda p: p.name)
def test_domain_is_pure(path: Path) -> None:
    forbidden = ("PySide6", "sqlalchemy", "alembic", "reportlab", "openpyxl",
                 "govsvc_desktop.store", "govsvc_desktop.ui", "govsvc_desktop.services",
                 "govsvc_desktop.reports", "govsvc_desktop.exchange", "govsvc_desktop.cli")
    bad = [n for n in imports_of(path) if n.startswith(forbidden)]
    assert not bad, f"{path.name} imports {bad}"


@pytest.mark.parametrize("path", modules("ui"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_ui_never_reaches_the_store(path: Path) -> None:
    bad = [n for n in imports_of(path) if n.startswith(("sqlalchemy", "govsvc_desktop.store", "alembic"))]
    assert not bad, f"{path.name} imports {bad}"


def test_there_are_modules_to_check() -> None:
    assert len(modules("domain")) > 5
