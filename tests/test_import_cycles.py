"""No module of the program imports itself round, through any chain of imports (import-linter
checks the layers and the packages; this checks every module, the domain's included)."""

from __future__ import annotations

import grimp


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(module: str) -> None:
        nonlocal counter
        index[module] = low[module] = counter
        counter += 1
        stack.append(module)
        on_stack.add(module)
        for target in graph.find_modules_directly_imported_by(module):
            if not target.startswith("govsvc_desktop"):
                continue
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module.startswith("govsvc_desktop") and module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_round() -> None:
    graph = grimp.build_graph("govsvc_desktop")
    assert _cycles(graph) == []


def test_the_check_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("govsvc_desktop.a", "govsvc_desktop.b", "govsvc_desktop.c"):
        graph.add_module(name)
    graph.add_import(importer="govsvc_desktop.a", imported="govsvc_desktop.b")
    graph.add_import(importer="govsvc_desktop.b", imported="govsvc_desktop.a")
    graph.add_import(importer="govsvc_desktop.b", imported="govsvc_desktop.c")
    assert _cycles(graph) == [["govsvc_desktop.a", "govsvc_desktop.b"]]
