"""Forms on paper: a PDF sent as it is to a queue of the system's print service (CUPS).

The form goes to the printer as the vector PDF it is, A4, at its own size (no scaling, so
the form's margins stay what they are); the print service renders it for the device.
Where there is no CUPS client (Windows), the window prints page images through Qt instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int

_JOB = re.compile(r"request id is (\S+)")
_PAGES = re.compile(r"^\d+(-\d+)?(,\d+(-\d+)?)*$")
TIMEOUT_S = 60


class PrintError(GovsvcError):
    """The print service refused the job or is not there."""

    exit_code = 8


@dataclass(frozen=True)
class PrintRequest:
    """What to print where: ``pages`` as CUPS writes a range («1-3,5»), empty for all."""

    queue: str
    title: str
    copies: int = 1
    pages: str = ""


def cups_available() -> bool:
    """True when the CUPS client (``lp``) is installed: jobs then keep the PDF as it is."""
    return shutil.which("lp") is not None


def queues() -> list[str]:
    """The queues the print service offers (empty when there is none)."""
    if shutil.which("lpstat") is None:
        return []
    out = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, check=False, timeout=TIMEOUT_S)
    return [line.strip() for line in out.stdout.splitlines() if line.strip()]


def print_pdf(data: bytes, request: PrintRequest) -> str:
    """Sends ``data`` to ``request.queue``; returns the print service's job ID."""
    if not request.queue.strip():
        raise PrintError("نام چاپگر داده نشده است")
    if request.copies < 1:
        raise PrintError("تعداد نسخه‌ها باید دست‌کم یک باشد")
    if request.pages and not _PAGES.fullmatch(request.pages):
        raise PrintError(f"محدودهٔ صفحه‌ها «{request.pages}» درست نیست؛ مانند 1-3,5 بنویسید")
    if not cups_available():
        raise PrintError("سرویس چاپ (CUPS) روی این رایانه نصب نیست؛ فرم را از پنجرهٔ پیش‌نمایش چاپ کنید")
    with tempfile.TemporaryDirectory(prefix="govsvc-print-") as folder:
        path = Path(folder) / "form.pdf"
        path.write_bytes(data)
        command = ["lp", "-d", request.queue, "-t", request.title or "govsvc", "-n", str(request.copies),
                   "-o", "media=A4", "-o", "print-scaling=none", "-o", "fit-to-page=false"]
        if request.pages:
            command += ["-P", request.pages]
        try:
            out = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False,
                                 timeout=TIMEOUT_S, env=os.environ.copy())
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrintError(f"سرویس چاپ پاسخ نداد: {exc}") from None
    found = _JOB.search(out.stdout)
    if out.returncode != 0 or found is None:
        detail = (out.stderr or out.stdout).strip()
        raise PrintError(f"چاپگر «{request.queue}» کار چاپ را نپذیرفت: {detail}")
    return found.group(1)


def summary_fa(request: PrintRequest, job: str, pages: int) -> str:
    return (f"{format_int(pages)} صفحه در {format_int(request.copies)} نسخه به چاپگر «{request.queue}» "
            f"فرستاده شد (کار {job})")
