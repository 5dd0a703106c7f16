"""Writes the catalogue as a static website that needs no server: it opens from a folder or a
USB stick and can be copied onto the agency's portal as it is.

The site is built in a folder beside the target and moved into place only when complete; a
cancel or an error leaves the previous site (or nothing) and no half-written one. A target
that holds anything but an earlier catalogue is refused rather than overwritten.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from govsvc_desktop.config import fsync_directory
from govsvc_desktop.domain.agency.catalogue import Catalogue, PublishedService
from govsvc_desktop.domain.errors import Cancelled, ConflictError, StorageError
from govsvc_desktop.exchange.catalogue.index_pages import render_index, render_lists, search_data
from govsvc_desktop.exchange.catalogue.jsonld import CatalogueWriter, describe, page_text
from govsvc_desktop.exchange.catalogue.linked_nodes import SharedNodes
from govsvc_desktop.exchange.catalogue.service_page import render_service_page

Progress = Callable[[int, int], bool]
MARKER = ".govsvc-catalogue"
ASSETS = Path(__file__).with_name("assets")
FONT_FILES = ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf", "OFL.txt")
PROGRESS_EVERY = 100
CHUNK = 250
PARALLEL_FROM = 1000  # below this, starting worker processes costs more than it saves


@dataclass
class SiteResult:
    folder: Path
    pages: int = 0
    files: int = 0
    bytes: int = 0
    cancelled: bool = False


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise ConflictError(f"«{target}» یک پرونده است نه پوشه؛ فهرست خدمات در آن نوشته نشد")
    if os.path.ismount(target):
        raise ConflictError(f"«{target}» ریشهٔ یک دیسک است؛ پوشه‌ای درون آن بدهید، مانند "
                            f"«{target / 'catalogue'}»")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise ConflictError(f"پوشهٔ «{target}» خالی نیست و فهرست خدمات پیشین هم نیست؛ "
                            "برای نگه‌داشتن پرونده‌های آن، پوشهٔ خالی یا تازه‌ای بدهید")


def _write(path: Path, text: str, result: SiteResult) -> None:
    data = text.encode("utf-8")
    path.write_bytes(data)
    result.files += 1
    result.bytes += len(data)


def _copy_assets(root: Path, result: SiteResult) -> None:
    from govsvc_desktop.config import font_dir

    assets = root / "assets"
    (assets / "fonts").mkdir(parents=True)
    for name in ("site.css", "fold.js", "search.js"):
        shutil.copyfile(ASSETS / name, assets / name)
        result.files += 1
    fonts = font_dir()
    for name in FONT_FILES:
        source = fonts / name
        if not source.exists():
            raise StorageError(f"پروندهٔ قلم «{source}» پیدا نشد؛ برنامه را دوباره نصب کنید")
        shutil.copyfile(source, assets / "fonts" / name)
        result.files += 1


def write_site(c: Catalogue, target: Path, progress: Progress | None = None,
               workers: int | None = None) -> SiteResult:
    """Writes every page, the search data and catalogue.jsonld into ``target``; a large
    catalogue's pages are made on every core (``workers`` processes)."""
    target = target.resolve()
    _check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = target.parent / f".{target.name}.part-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    result = SiteResult(target)
    total = len(c.services)
    swapped = False
    try:
        (work / "services").mkdir(parents=True)
        _copy_assets(work, result)
        _write(work / "assets" / "search-data.js", search_data(c), result)
        _write(work / "index.html", render_index(c), result)
        _write(work / "lists.html", render_lists(c), result)
        with (work / "catalogue.jsonld").open("w", encoding="utf-8") as fh:
            linked = CatalogueWriter(c, fh)
            count = max(1, min(workers or os.cpu_count() or 1, -(-total // CHUNK)))
            if count > 1 and total >= PARALLEL_FROM:
                _pages_in_workers(c, work, linked, result, progress, count)
            else:
                _pages_here(c, work, linked, result, progress)
            linked.close()
        result.files += 1
        (work / MARKER).write_text("govsvc-desktop catalogue\n", "utf-8")
        _swap(work, target)
        swapped = True
    finally:
        if not swapped:  # failed or cancelled: the earlier site stays, the half-made one goes
            shutil.rmtree(work, ignore_errors=True)
    result.bytes += (target / "catalogue.jsonld").stat().st_size
    return result


def _cancelled() -> Cancelled:
    return Cancelled("انتشار فهرست خدمات لغو شد؛ پوشهٔ مقصد دست نخورد")


def _pages_here(c: Catalogue, work: Path, linked: CatalogueWriter, result: SiteResult,
                progress: Progress | None) -> None:
    total = len(c.services)
    for done, s in enumerate(c.services, 1):
        text = page_text(linked.add(s, c.base_url), linked.nodes)
        _write(work / "services" / s.page, render_service_page(s, c, text), result)
        result.pages += 1
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            if not progress(done, total):
                raise _cancelled()


_Job = tuple[list[PublishedService], str, str, dt.date, str, str, str]
_Done = tuple[int, dict[str, str], int]


def _render_chunk(job: _Job) -> _Done:
    """In a worker process: the pages of a slice of the services, written to the folder, and
    their linked data to a part of catalogue.jsonld that the parent joins in order; only the
    shared nodes come back (the same node, built by two workers, is the same text)."""
    services, title, publisher, made_on, base_url, folder, part = job
    c = Catalogue(title=title, publisher=publisher, made_on=made_on, base_url=base_url)
    nodes = SharedNodes()
    size = 0
    with open(part, "w", encoding="utf-8") as linked:
        for s in services:
            d = describe(s, nodes, base_url)
            data = render_service_page(s, c, page_text(d, nodes)).encode("utf-8")
            (Path(folder) / s.page).write_bytes(data)
            size += len(data)
            for text in d.own:
                linked.write(",\n" + text)
    return len(services), nodes.texts, size


def _pages_in_workers(c: Catalogue, work: Path, linked: CatalogueWriter, result: SiteResult,
                      progress: Progress | None, count: int) -> None:
    total = len(c.services)
    folder = str(work / "services")
    jobs: list[_Job] = [(c.services[i:i + CHUNK], c.title, c.publisher, c.made_on, c.base_url,
                         folder, str(work / f".linked-{i:08d}.part"))
                        for i in range(0, total, CHUNK)]
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    try:
        futures = [pool.submit(_render_chunk, job) for job in jobs]
        done = 0
        for job, future in zip(jobs, futures, strict=True):  # in order, as the index lists them
            pages, texts, size = future.result()
            part = Path(job[-1])
            with part.open(encoding="utf-8") as fh:
                shutil.copyfileobj(fh, linked.out)
            part.unlink()
            for iri, text in texts.items():
                linked.nodes.texts.setdefault(iri, text)
            done += pages
            result.pages += pages
            result.files += pages
            result.bytes += size
            if progress is not None and not progress(done, total):
                raise _cancelled()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _swap(work: Path, target: Path) -> None:
    """Moves the finished site into place; an earlier catalogue there is removed after."""
    old = None
    if target.exists():
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    try:
        work.rename(target)
    except OSError:
        if old is not None:
            old.rename(target)
        raise
    fsync_directory(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
