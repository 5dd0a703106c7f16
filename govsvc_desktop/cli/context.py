"""What every command needs: the application built lazily, and output helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govsvc_desktop.domain.errors import GovsvcError, NotFoundError

if TYPE_CHECKING:
    from govsvc_desktop.bootstrap import App


class Context:
    def __init__(self, db: str | None) -> None:
        self.db = db
        self._app: App | None = None

    @property
    def app(self) -> App:
        if self._app is None:
            from govsvc_desktop.bootstrap import build

            self._app = build(self.db)
            if self._app.notice:
                print(f"توجه: {self._app.notice}", file=sys.stderr)
        return self._app

    def close(self) -> None:
        if self._app is not None:
            self._app.close()


def read_json_input(name: str) -> bytes:
    """An import file's bytes: a missing file is «not found» (exit 3), an oversized one refused
    before it is read."""
    from govsvc_desktop.config import os_reason_fa
    from govsvc_desktop.domain.jsontext import check_size

    path = Path(name)
    try:
        check_size(path.stat().st_size, f"پرونده «{path.name}»")
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(f"پرونده «{name}» پیدا نشد") from None
    except OSError as exc:
        raise GovsvcError(f"پرونده «{name}» خوانده نمی‌شود: {os_reason_fa(exc)}") from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Columns separated by two spaces, widths by the longest cell (terminals show RTL their way)."""
    cells = [[str(c) for c in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for row in cells:
        sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")


def progress_printer(label: str) -> Callable[[int, int], bool]:
    """A progress bar on stderr when it is a terminal; silent otherwise. Never cancels."""
    tty = sys.stderr.isatty()

    def report(done: int, total: int) -> bool:
        if tty and total:
            width = 30
            filled = int(width * done / total)
            sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        return True

    return report
