"""The published service lists (electronic, non-electronic with dates or exemptions,
delegated to counter offices) built from the passports, as PDF or Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.agency.service_lists import (
    ServiceLists,
    build_service_lists,
    published_edition,
)
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.choices import RecordKind
from govsvc_desktop.domain.passport.queries import PassportFilter
from govsvc_desktop.services.passports import PassportService


class ServiceListService:
    def __init__(self, passports: PassportService) -> None:
        self.passports = passports

    def agency_name(self) -> str:
        return self.passports.session.agency_name

    def lists(self, only_valid: bool = True, today: dt.date | None = None) -> ServiceLists:
        today = today or self.passports.today()
        with self.passports.uow_factory() as uow:
            current = list(uow.passports.iter_passports(PassportFilter(kind=RecordKind.SERVICE)))
            items = [published_edition(p, uow.passports.editions(p.uuid), today)
                     if p.edition > 1 else p for p in current]
        return build_service_lists(items, today, self.agency_name(), only_valid)

    def write_pdf(self, target: Path, only_valid: bool = True) -> ServiceLists:
        from govsvc_desktop.reports.obligations_pdf import render_service_lists
        from govsvc_desktop.reports.passport_pdf import PdfOptions

        lists = self.lists(only_valid)
        atomic_write(target, render_service_lists(lists, PdfOptions(print_date=lists.today)).data)
        return lists

    def write_excel(self, target: Path, only_valid: bool = True) -> ServiceLists:
        from govsvc_desktop.exchange.excel.lists import write_lists_workbook

        lists = self.lists(only_valid)
        dates = {i.date: format_jalali(i.date) for i in lists.non_electronic if i.date}
        write_lists_workbook(lists, target, dates)
        return lists
