"""Printing passport forms: one for the preview, or many as one PDF or one file per
passport, on every core.

Workers are separate processes (started with ``spawn``, as on Windows), each opening the
database itself and rendering a slice of the records; the parent only merges and writes.
The combined file is written aside and renamed when complete, so a cancelled or failed batch
leaves no half file. Folder mode writes each form atomically as soon as it is ready.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from govsvc_desktop.config import atomic_output, atomic_write
from govsvc_desktop.domain.approval import ApprovalCheck
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.model import APPROVED_STATUSES, ServicePassport
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.services.approvals import Approvals
from govsvc_desktop.services.attachments import AttachmentService
from govsvc_desktop.services.passports import PassportService

if TYPE_CHECKING:
    from govsvc_desktop.reports.passport_pdf import RenderedPdf

Progress = Callable[[int, int], bool]
CHUNK = 25
IN_PROCESS_LIMIT = 12


@dataclass
class BatchResult:
    forms: int = 0
    pages: int = 0
    files: list[Path] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)
    cancelled: bool = False

    def summary_fa(self) -> str:
        text = f"{format_int(self.forms)} شناسنامه در {format_int(self.pages)} صفحه چاپ شد"
        if self.cancelled:
            text = f"چاپ لغو شد؛ {format_int(self.forms)} شناسنامه پیش از لغو آماده شده بود"
        if self.missing:
            text += "؛ نویسه‌هایی که قلم ندارد با علامت جایگزین چاپ شد: " + " ".join(sorted(self.missing))
        return text


def passport_form(p: ServicePassport, persian_digits: bool = True,
                  attachments: Sequence[str] = ()) -> RenderedPdf:
    """One passport's form, as it stands (unsaved edits included), for preview or printing;
    ``attachments`` are the names of the files kept with it, listed on the form."""
    from govsvc_desktop.reports.passport_pdf import PdfOptions, render_passport

    return render_passport(p, PdfOptions(persian_digits=persian_digits,
                                         attachments=tuple(attachments),
                                         approvals=approval_facts([p])))


def approval_facts(passports: Sequence[ServicePassport]) -> dict[str, ApprovalCheck]:
    """The approval signatures of approved (or signed) passports, as the form prints them."""
    return {p.uuid: Approvals.facts("passport", p) for p in passports
            if p.approval_signature or p.status in APPROVED_STATUSES}


def pdf_file_name(p: ServicePassport) -> str:
    """Service ID (when there is one) and UUID: unique, sortable, safe on every file system."""
    safe = re.sub(r"[^0-9A-Za-z-]", "", p.service_id)
    return f"{safe}_{p.uuid}.pdf" if safe else f"{p.uuid}.pdf"


class WorkerServices(Protocol):
    """What a form-drawing worker reads: the passports and the names of their files."""

    passports: PassportService
    attachments: AttachmentService


# a worker process's services on a database, from the composition root (picklable by name)
WorkerEntry = Callable[[str], WorkerServices]


class PrintService:
    """Batches of forms for one database; ``worker_entry`` opens it in each worker process."""

    def __init__(self, passports: PassportService, db: str, worker_entry: WorkerEntry) -> None:
        self.passports = passports
        self.db = db
        self.worker_entry = worker_entry

    def print_passports(
        self, f: PassportFilter, *, out_file: Path | None = None, out_dir: Path | None = None,
        persian_digits: bool = True, progress: Progress | None = None, workers: int | None = None,
    ) -> BatchResult:
        """Prints every passport ``f`` selects (in list order) into ``out_file`` or ``out_dir``."""
        return print_passports(self.passports, self.db, f, self.worker_entry, out_file=out_file,
                               out_dir=out_dir, persian_digits=persian_digits, progress=progress,
                               workers=workers)


def print_passports(
    service: PassportService, db: str, f: PassportFilter, worker_entry: WorkerEntry, *,
    out_file: Path | None = None, out_dir: Path | None = None, persian_digits: bool = True,
    progress: Progress | None = None, workers: int | None = None,
) -> BatchResult:
    if (out_file is None) == (out_dir is None):
        raise GovsvcError("یا یک پرونده PDF بدهید یا یک پوشه، نه هر دو")
    uuids = service.uuids(f)
    if not uuids:
        raise GovsvcError("هیچ شناسنامه‌ای با این شرایط پیدا نشد؛ چیزی چاپ نشد")
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    chunks = [uuids[i:i + CHUNK] for i in range(0, len(uuids), CHUNK)]
    jobs = [(worker_entry, db, chunk, persian_digits, str(out_dir) if out_dir else None)
            for chunk in chunks]
    result = BatchResult()
    parts: dict[int, str] = {}
    folder = out_file.parent if out_file is not None else out_dir
    assert folder is not None  # one of the two, checked above
    tmp_dir = folder / f".batch-{os.getpid()}"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    try:
        for index, done in _run(jobs, tmp_dir, workers, len(uuids) <= IN_PROCESS_LIMIT):
            result.forms += done.forms
            result.pages += done.pages
            result.missing |= done.missing
            result.files += [Path(name) for name in done.files]
            if done.part:
                parts[index] = done.part
            if progress is not None and not progress(result.forms, len(uuids)):
                result.cancelled = True
                break
        if out_file is not None and not result.cancelled:
            _merge([parts[i] for i in sorted(parts)], out_file)
            result.files = [out_file]
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    return result


@dataclass
class _Done:
    forms: int
    pages: int
    missing: set[str]
    files: list[str]
    part: str | None


_Job = tuple[WorkerEntry, str, list[str], bool, str | None]


def _run(jobs: list[_Job], tmp_dir: Path, workers: int | None, in_process: bool) -> Iterator[tuple[int, _Done]]:
    if in_process or len(jobs) == 1:
        for i, job in enumerate(jobs):
            yield i, _render_chunk(job, str(tmp_dir / f"{i:06d}.pdf"))
        return
    count = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    try:
        pending: dict[Future[_Done], int] = {}
        queue = list(enumerate(jobs))
        while queue or pending:
            while queue and len(pending) < 2 * count:
                i, job = queue.pop(0)
                pending[pool.submit(_render_chunk, job, str(tmp_dir / f"{i:06d}.pdf"))] = i
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield pending.pop(future), future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_opened: dict[str, WorkerServices] = {}


def _render_chunk(job: _Job, part_path: str) -> _Done:
    """In a worker: read the records, draw their forms, write them (folder) or one part file."""
    from govsvc_desktop.reports.passport_pdf import PdfOptions, render_passport, render_passports

    entry, db, uuids, persian_digits, out_dir = job
    services = _opened.get(db)
    if services is None:
        services = _opened[db] = entry(db)
    passports = [services.passports.get(u) for u in uuids]
    attached = services.attachments.names(uuids)
    options = PdfOptions(persian_digits=persian_digits, approvals=approval_facts(passports))
    if out_dir is None:
        rendered = render_passports(passports, options, attached)
        atomic_write(Path(part_path), rendered.data)
        return _Done(len(passports), rendered.pages, rendered.missing, [], part_path)
    pages, missing, files = 0, set(), []
    for p in passports:
        one = render_passport(p, replace(options, attachments=tuple(attached.get(p.uuid, ()))))
        target = Path(out_dir) / pdf_file_name(p)
        atomic_write(target, one.data)
        pages += one.pages
        missing |= one.missing
        files.append(str(target))
    return _Done(len(passports), pages, missing, files, None)


def _merge(parts: list[str], out_file: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(part)
    with atomic_output(out_file) as fh:
        writer.write(fh)
