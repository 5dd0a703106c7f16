"""Reads the application's accessible tree over AT-SPI, as Orca does, and prints (as JSON) every
focusable object that has no name or no role. Runs with the system Python that has pyatspi.

Usage: /usr/bin/python3 walker.py APP_NAME TIMEOUT_SECONDS
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]


def find_app(name: str, timeout: float) -> object:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name and app.childCount >= 3:
                return app
        time.sleep(0.5)
    raise SystemExit(f"application {name!r} did not appear on the AT-SPI bus")


VIEWS = (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_LIST,
         pyatspi.ROLE_LIST_BOX)
VIEW_CHILDREN = 60  # the first rows of a view are enough to see how its cells are named


def walk(node: object, depth: int = 0):  # type: ignore[no-untyped-def]
    """Showing objects only: a hidden page's subtree is skipped (it is checked once shown)."""
    if node is None or depth > 60:
        return
    try:
        if depth and not node.getState().contains(pyatspi.STATE_SHOWING):
            return
    except Exception:
        return
    yield node
    try:
        count = node.childCount
        if node.getRole() in VIEWS:
            count = min(count, VIEW_CHILDREN)
    except Exception:  # a widget closed while walking
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def tab_key(node: object) -> str:
    parts = []
    while node is not None and len(parts) < 30:
        try:
            parts.append(f"{node.getRoleName()}:{node.name}:{node.getIndexInParent()}")
            node = node.parent
        except Exception:
            break
    return "/".join(reversed(parts))


def labelled(node: object) -> bool:
    try:
        for relation in node.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY and relation.getNTargets():
                return bool(relation.getTarget(0).name)
    except Exception:
        return False
    return False


SKIPPED = (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_PAGE_TAB,
           pyatspi.ROLE_TREE_ITEM, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_COLUMN_HEADER,
           pyatspi.ROLE_ROW_HEADER)  # items carry their own text; the views holding them are checked


def check_showing(window: object, seen: dict[str, dict[str, str]], bad: dict[str, dict[str, str]]) -> None:
    """Records every showing focusable object, and those without a name or a role."""
    for node in walk(window):
        try:
            states = node.getState()
            if not (states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_SHOWING)):
                continue
            if node.getRole() in SKIPPED:
                continue
            key = tab_key(node)
            role = node.getRoleName()
            entry = {"role": role, "name": node.name or "", "description": node.description or "",
                     "parent": node.parent.getRoleName() if node.parent else ""}
        except Exception:
            continue
        seen[key] = entry
        if not role or role == "unknown" or not (entry["name"] or labelled(node)):
            bad[key] = entry


def visit(window: object, seen: dict[str, dict[str, str]], bad: dict[str, dict[str, str]],
          pressed: set[str], budget: list[int]) -> None:
    """Checks what shows now, then shows each page of each tab widget in turn (Qt builds and
    exposes a page when first shown) and checks again, nested tabs included."""
    check_showing(window, seen, bad)
    tabs = []
    for node in walk(window):
        try:
            if node.getRole() == pyatspi.ROLE_PAGE_TAB and node.getState().contains(pyatspi.STATE_SHOWING):
                tabs.append(node)
        except Exception:
            continue
    for tab in tabs:
        key = tab_key(tab)
        if key in pressed or budget[0] <= 0:
            continue
        pressed.add(key)
        budget[0] -= 1
        try:
            action = tab.queryAction()
            if not action.nActions:
                continue
            action.doAction(0)
        except Exception:
            continue
        time.sleep(0.25)
        visit(window, seen, bad, pressed, budget)


def main(name: str, timeout: float) -> int:
    app = find_app(name, timeout)
    report = {}
    windows = [app.getChildAtIndex(i) for i in range(app.childCount)]
    print(f"windows: {[w.name for w in windows if w is not None]}", file=sys.stderr)
    for i, window in enumerate(windows):
        if window is None:
            continue
        seen: dict[str, dict[str, str]] = {}
        bad: dict[str, dict[str, str]] = {}
        visit(window, seen, bad, set(), [60])
        report[window.name or f"window {i}"] = {"focusable": len(seen), "unnamed": list(bad.values())}
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
