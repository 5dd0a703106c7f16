"""Publishing the agency's service catalogue (seed 003 Art. 2 and 4): a static website with
offline search and CPSV-AP linked data, made from the approved, valid passports only."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from govsvc_desktop.domain.agency.catalogue import Catalogue, LeftOut, LeftOutLine, build_catalogue
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.services.agency import CHAINS, AgencyService
from govsvc_desktop.services.passports import PassportService

Progress = Callable[[int, int], bool]


@dataclass
class CatalogueReport:
    """What an export did: where, how many services, and every passport it left out."""

    folder: Path
    published: int = 0
    pages: int = 0
    files: int = 0
    bytes: int = 0
    made_on: str = ""
    left_out: list[LeftOutLine] = field(default_factory=list)

    def count(self, reason: LeftOut) -> int:
        return sum(1 for line in self.left_out if line.reason is reason)

    def lines_fa(self) -> list[str]:
        """The report a person reads: a line per expired passport, then the counts."""
        lines = [line.describe() for line in self.left_out if line.reason is LeftOut.EXPIRED]
        drafts = self.count(LeftOut.NOT_APPROVED)
        tasks = self.count(LeftOut.TASK)
        if drafts:
            lines.append(f"{format_int(drafts)} شناسنامهٔ تأییدنشده (پیش‌نویس، بررسی‌شده یا "
                         "برگشت‌خورده) منتشر نشد")
        if tasks:
            lines.append(f"{format_int(tasks)} وظیفه منتشر نشد (فقط خدمات منتشر می‌شوند)")
        return lines

    def summary_fa(self) -> str:
        return (f"فهرست {format_int(self.published)} خدمت در «{self.folder}» منتشر شد "
                f"(تاریخ تهیه {self.made_on})؛ {format_int(self.count(LeftOut.EXPIRED))} "
                "شناسنامهٔ منقضی کنار گذاشته شد")


class CatalogueService:
    def __init__(self, passports: PassportService, agency: AgencyService) -> None:
        self.passports = passports
        self.agency = agency

    def agency_name(self) -> str:
        return self.passports.session.agency_name

    def build(self, f: PassportFilter = PassportFilter(), *, title: str = "",
              base_url: str = "", today: dt.date | None = None) -> Catalogue:
        """Decides what the catalogue holds, without writing anything."""
        today = today or self.passports.today()
        items = list(self.passports.iter_passports(f))
        publisher = self.agency_name().strip() or _most_common_agency(items)
        return build_catalogue(
            items, today, title=title.strip() or f"شناسنامهٔ خدمات {publisher}",
            publisher=publisher, chains=self.agency.find(CHAINS), base_url=base_url.strip())

    def export(self, folder: Path, f: PassportFilter = PassportFilter(), *, title: str = "",
               base_url: str = "", progress: Progress | None = None) -> CatalogueReport:
        """Writes the website into ``folder`` (replacing an earlier catalogue there)."""
        from govsvc_desktop.exchange.catalogue.site import write_site

        if base_url and not base_url.startswith(("http://", "https://")):
            raise GovsvcError(f"نشانی درگاه «{base_url}» باید با http:// یا https:// آغاز شود")
        catalogue = self.build(f, title=title, base_url=base_url)
        if not catalogue.services:
            raise GovsvcError("هیچ شناسنامهٔ تأییدشده و معتبری برای انتشار نیست؛ چیزی نوشته نشد"
                              + (f" ({format_int(len(catalogue.left_out))} شناسنامه کنار گذاشته شد)"
                                 if catalogue.left_out else ""))
        written = write_site(catalogue, folder, progress)
        return CatalogueReport(folder=written.folder, published=len(catalogue.services),
                               pages=written.pages, files=written.files, bytes=written.bytes,
                               made_on=catalogue.made_on_jalali, left_out=catalogue.left_out)


def _most_common_agency(items: list[ServicePassport]) -> str:
    names = Counter(p.agency_name for p in items)
    names.pop("", None)
    return names.most_common(1)[0][0] if names else "دستگاه اجرایی"
