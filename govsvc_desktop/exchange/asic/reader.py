"""Reading a bundle as hostile input: inspect the central directory, then bounded reads.

An archive is refused whole, before a single entry is decompressed, when any entry could
harm whoever extracts or reads it: path tricks, links, duplicates, bombs, overlapping data.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.exchange.asic.format import (
    CHUNK,
    DATA_PREFIX,
    AsicError,
    AsicLimits,
    HostileArchiveError,
    ManifestEntry,
    collision_key,
    looks_like_bomb,
    name_problem,
)


class AsicArchive:
    """An opened bundle that passed the hostile-archive inspection; all reads are bounded."""

    def __init__(self, path: str | os.PathLike[str], limits: AsicLimits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or AsicLimits()
        try:
            self._zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise AsicError(f"پرونده «{self.path}» پیدا نشد") from None
        except IsADirectoryError:
            raise AsicError(f"«{self.path}» پوشه است، نه پرونده بسته") from None
        except PermissionError:
            raise AsicError(f"اجازهٔ خواندن پرونده «{self.path}» نیست") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise AsicError(f"پرونده یک بستهٔ ZIP سالم نیست: {self.path.name}") from None
        try:
            _inspect(self._zip, self.limits)
        except BaseException:
            self._zip.close()
            raise
        self.all_infos = self._zip.infolist()
        self.infos = [i for i in self.all_infos if not i.is_dir()]
        self._by_name = {i.filename: i for i in self.infos}

    def __enter__(self) -> AsicArchive:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    @property
    def names(self) -> list[str]:
        return [i.filename for i in self.infos]

    def chunks(self, name: str) -> Iterator[bytes]:
        """The entry's bytes, refusing to yield more than the size declared and inspected."""
        info = self._by_name.get(name)
        if info is None:
            raise AsicError(f"پرونده در بسته نیست: {name}")
        seen = 0
        try:
            with self._zip.open(info) as fh:
                while chunk := fh.read(CHUNK):
                    seen += len(chunk)
                    if seen > info.file_size:
                        raise HostileArchiveError(f"پرونده بزرگ‌تر از اندازهٔ اعلام‌شده است: {name}")
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise AsicError(f"پرونده درون بسته آسیب دیده است: {name}") from None
        if seen != info.file_size:
            raise AsicError(f"پرونده درون بسته ناقص است: {name}")

    def read(self, name: str, max_bytes: int | None = None) -> bytes:
        info = self._by_name.get(name)
        if info is not None and max_bytes is not None and info.file_size > max_bytes:
            raise HostileArchiveError(f"پرونده بیش از اندازهٔ مجاز بزرگ است: {name}")
        return b"".join(self.chunks(name))

    def digest(self, name: str, algorithm: str) -> bytes:
        h = hashlib.new(algorithm)
        for chunk in self.chunks(name):
            h.update(chunk)
        return h.digest()

    def iter_payload(
        self, expected: Iterable[ManifestEntry] | None = None
    ) -> Iterator[tuple[str, bytes]]:
        """``(name under data/, bytes)`` one entry at a time, in archive order.

        With ``expected`` (a verified report's entries) each entry's digest is checked again
        as it is read, so a file swapped on the stick after verification is caught.
        """
        wanted = {e.name: e for e in expected} if expected is not None else None
        for info in self.infos:
            if not info.filename.startswith(DATA_PREFIX):
                continue
            ref = wanted.get(info.filename) if wanted is not None else None
            if wanted is not None and ref is None:
                raise AsicError(f"پرونده در فهرست امضاشده نیست: {info.filename}")
            data = self.read(info.filename)
            if ref and not hmac.compare_digest(
                hashlib.new(ref.algorithm, data).digest(), ref.digest
            ):
                raise AsicError(f"پرونده پس از بررسی تغییر کرده است: {info.filename}")
            yield info.filename.removeprefix(DATA_PREFIX), data


def _inspect(zf: zipfile.ZipFile, limits: AsicLimits) -> None:
    """Refuse the archive as a whole if any entry could harm whoever extracts or reads it."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise HostileArchiveError(f"شمار پرونده‌های بسته ({format_int(len(infos))}) از حد مجاز بیشتر است")
    total = 0
    keys: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        problem = name_problem(name) or (
            "نویسهٔ تهی در نام" if "\x00" in info.orig_filename else None
        )
        if problem:
            raise HostileArchiveError(f"نام خطرناک در بسته ({problem}): {name!r}")
        key = collision_key(name)
        if key in keys:
            raise HostileArchiveError(f"نام تکراری در بسته: {name}")
        keys[key] = info
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise HostileArchiveError(f"پیوند نمادین یا پروندهٔ ویژه در بسته: {name}")
        if info.flag_bits & 0x41:
            raise HostileArchiveError(f"پروندهٔ رمزگذاری‌شده در بسته: {name}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise HostileArchiveError(f"روش فشرده‌سازی پشتیبانی‌نشده: {name}")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise HostileArchiveError(f"اندازه‌های اعلام‌شده با هم نمی‌خوانند: {name}")
        if info.file_size and not info.compress_size:
            raise HostileArchiveError(f"اندازهٔ فشرده‌نشده ناسازگار است: {name}")
        if looks_like_bomb(info, limits):
            raise HostileArchiveError(f"نسبت فشرده‌سازی پرونده مشکوک است (بمب ZIP): {name}")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise HostileArchiveError("حجم بازشدهٔ بسته از حد مجاز بیشتر است")
    for key, info in keys.items():
        parts = key.split("/")
        parents = (keys.get("/".join(parts[:i])) for i in range(1, len(parts)))
        if any(p is not None and not p.is_dir() for p in parents):
            raise HostileArchiveError(f"نام یک پرونده، پوشهٔ پروندهٔ دیگری است: {info.filename}")
    _check_overlaps(zf, infos)


def _check_overlaps(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Entries sharing bytes are how the smallest zip bombs work; each must own its range."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    end_of_data = getattr(zf, "start_dir", None)
    for current, following in zip(ordered, [*ordered[1:], None], strict=True):
        encoding = "utf-8" if current.flag_bits & 0x800 else "cp437"
        try:
            name_len = len(current.orig_filename.encode(encoding))
        except UnicodeEncodeError:
            name_len = len(current.orig_filename.encode("utf-8"))
        end = current.header_offset + 30 + name_len + current.compress_size
        limit = following.header_offset if following is not None else end_of_data
        if limit is not None and end > limit:
            raise HostileArchiveError(f"پرونده‌های بسته روی هم افتاده‌اند: {current.filename}")


def open_asic(path: str | os.PathLike[str], limits: AsicLimits | None = None) -> AsicArchive:
    """Open and inspect a bundle; raises ``HostileArchiveError`` before any entry is read."""
    return AsicArchive(path, limits)


def read_entry(path: str | os.PathLike[str], name: str, limits: AsicLimits | None = None) -> bytes:
    """One entry by its exact archive name, after the whole archive passed inspection."""
    with open_asic(path, limits) as archive:
        return archive.read(name)


def iter_payload_entries(
    path: str | os.PathLike[str],
    limits: AsicLimits | None = None,
    expected: Iterable[ManifestEntry] | None = None,
) -> Iterator[tuple[str, bytes]]:
    """The payloads under ``data/`` for the importer, one at a time (see ``iter_payload``)."""
    with open_asic(path, limits) as archive:
        yield from archive.iter_payload(expected)
