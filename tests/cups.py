"""A throwaway CUPS print service for tests: its own cupsd on a socket in a temporary folder,
with one queue printing to PDF files through Debian's cups-pdf (scripts/system-deps.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

QUEUE = "GovsvcPDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPSD = "/usr/sbin/cupsd"


SOCKET_DIR = Path(tempfile.gettempdir()) / f"govsvc-cups-{os.getpid()}"
SOCKET = SOCKET_DIR / "cups.sock"


def claim_environment() -> None:
    """Point CUPS clients (lp, and Qt through libcups, which reads it once) at ``SOCKET``."""
    os.environ["CUPS_SERVER"] = str(SOCKET)


def output_dir() -> Path:
    """Where cups-pdf writes (its configuration: ``Out ${HOME}/PDF`` of the job's user)."""
    return Path(os.path.expanduser("~")) / "PDF"


@contextmanager
def print_service() -> Iterator[str]:
    """Starts cupsd with a cups-pdf queue; yields the socket to put in ``CUPS_SERVER``. Its
    folder is readable by the ``lp`` user the filters run as (pytest's own is not)."""
    folder = SOCKET_DIR
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    missing = [p for p in (CUPSD, "/usr/lib/cups/backend/cups-pdf", str(PPD)) if not Path(p).exists()]
    if missing or shutil.which("lpadmin") is None:
        raise RuntimeError(f"CUPS and cups-pdf are needed (scripts/system-deps.sh): missing {missing}")
    etc = folder / "etc"
    for sub in ("etc", "spool/tmp", "run", "cache", "log", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "tmp").chmod(0o1777)
    sock = SOCKET
    (etc / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel warn\nWebInterface No\nBrowsing Off\nDefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
    (etc / "cups-files.conf").write_text(
        f"ServerRoot {etc}\nRequestRoot {folder}/spool\nTempDir {folder}/tmp\nStateDir {folder}/run\n"
        f"CacheDir {folder}/cache\nAccessLog {folder}/log/access_log\nErrorLog {folder}/log/error_log\n"
        f"PageLog {folder}/log/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\nGroup lp\n")
    daemon = subprocess.Popen([CUPSD, "-f", "-c", str(etc / "cupsd.conf"), "-s", str(etc / "cups-files.conf")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if sock.exists():
                break
            time.sleep(0.1)
        subprocess.run(["lpadmin", "-h", str(sock), "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(PPD),
                        "-o", "media=A4"], check=True, capture_output=True)
        yield str(sock)
    finally:
        daemon.terminate()
        daemon.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def wait_for_output(title: str, timeout: float = 90.0) -> Path:
    """The PDF cups-pdf wrote for the job titled ``title`` (it names the file after it), once
    the print service reports no job left to finish."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pending = subprocess.run(["lpstat", "-W", "not-completed", "-o"], capture_output=True, text=True,
                                 check=False).stdout.strip()
        found = sorted(output_dir().glob(f"{title}*.pdf"))
        if found and not pending:
            return found[0]
        time.sleep(0.5)
    raise TimeoutError(f"no printed file for {title} in {output_dir()}")
