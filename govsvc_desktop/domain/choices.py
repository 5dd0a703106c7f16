"""Enumerations with the Persian labels users know from the forms.

Each member's value is a stable English code (stored, exported, used in the JSON format);
``label_fa`` is what the editor, the PDF and Excel show.
"""

from __future__ import annotations

from enum import Enum
from typing import Self

from govsvc_desktop.domain.persian import search_key

_PARSED: dict[tuple[type, str], Choice] = {}  # texts seen before, as imports repeat them


class Choice(str, Enum):
    """A str enum whose members carry ``label_fa``; parses codes and Persian labels alike."""

    label_fa: str

    def __new__(cls, value: str, label_fa: str = "") -> Self:
        # ``Status("sent")`` looks a member up by code; the default only tells type checkers so
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label_fa = label_fa
        return obj

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member whose code or Persian label matches ``text`` (spelling variants folded)."""
        found = _PARSED.get((cls, text))
        if found is None:
            key = search_key(str(text))
            for member in cls:
                if key in (search_key(member.value), search_key(member.label_fa)):
                    found = member
                    break
            else:
                raise ValueError(text)
            if len(_PARSED) < 10_000:
                _PARSED[(cls, text)] = found
        return found  # type: ignore[return-value]

    @classmethod
    def labels(cls) -> list[str]:
        return [m.label_fa for m in cls]


class RecordKind(Choice):
    SERVICE = ("service", "خدمت")
    TASK = ("task", "وظیفه")


class Nature(Choice):
    """ماهیت خدمت (seed 003 Art. 2; the form's checkbox group)."""

    SOVEREIGN = ("sovereign", "حاکمیتی")
    SUPPORTIVE = ("supportive", "حمایتی")
    ENTERPRISE = ("enterprise", "تصدی‌گری")


class Audience(Choice):
    """نوع خدمت: the form's four boxes (the fourth is printed «BrC» in the source, i.e. B2C)."""

    G2C = ("G2C", "دولت به شهروند (G2C)")
    G2B = ("G2B", "دولت به کسب‌وکار (G2B)")
    G2G = ("G2G", "دولت به دولت (G2G)")
    B2C = ("B2C", "کسب‌وکار به شهروند (B2C)")


class ServiceScope(Choice):
    AGENCY = ("agency", "دستگاهی")
    INTER_AGENCY = ("inter_agency", "بین‌دستگاهی")


class ChannelKind(Choice):
    IN_PERSON = ("in_person", "حضور در دفتر دستگاه و مراکز وابسته")
    COUNTER = ("counter", "دفاتر پیشخوان و خدمات ICT روستایی")
    OTHER = ("other", "سایر کانال‌ها")


class ElectronicMethod(Choice):
    """روش ارائه خدمت الکترونیکی (the form's fourth, garbled box is read as offline)."""

    NON_ELECTRONIC = ("non_electronic", "ارائه خدمت به صورت غیرالکترونیکی")
    INFO_WEB = ("info_web", "اطلاع‌رسانی و دریافت فرم از طریق وب")
    ONLINE = ("online", "برخط (آنلاین)")
    OFFLINE = ("offline", "برون‌خط (آفلاین)")


class ElectronicScope(Choice):
    NATIONAL = ("national", "ملی")
    PROVINCIAL = ("provincial", "استانی")
    CITY = ("city", "شهری")


class InquiryKind(Choice):
    INSTANT = ("instant", "آنی")
    PROCESS = ("process", "فرآیندی")


class LawKind(Choice):
    LAW = ("law", "قانون")
    REGULATION = ("regulation", "آیین‌نامه")
    RESOLUTION = ("resolution", "مصوبه")
    CIRCULAR = ("circular", "بخشنامه")
    DIRECTIVE = ("directive", "دستورالعمل")
    OTHER = ("other", "سایر")


class TimeUnit(Choice):
    MINUTE = ("minute", "دقیقه")
    HOUR = ("hour", "ساعت")
    WORKING_DAY = ("working_day", "روز کاری")
    DAY = ("day", "روز")
    WEEK = ("week", "هفته")
    MONTH = ("month", "ماه")

    @property
    def minutes(self) -> float:
        """Length in minutes; a working day is 8 hours, a month 30 days."""
        return _UNIT_MINUTES[self]

    @property
    def working_time(self) -> bool:
        """Minutes, hours and working days count working time; days, weeks, months the calendar."""
        return self in (TimeUnit.MINUTE, TimeUnit.HOUR, TimeUnit.WORKING_DAY)


_UNIT_MINUTES = {
    TimeUnit.MINUTE: 1.0,
    TimeUnit.HOUR: 60.0,
    TimeUnit.WORKING_DAY: 480.0,
    TimeUnit.DAY: 1440.0,
    TimeUnit.WEEK: 10080.0,
    TimeUnit.MONTH: 43200.0,
}


class Status(Choice):
    """Life cycle of a passport (seed 000 Art. 11: the head of the agency approves)."""

    DRAFT = ("draft", "پیش‌نویس")
    REVIEWED = ("reviewed", "بررسی‌شده")
    APPROVED = ("approved", "تأییدشده")
    SENT = ("sent", "ارسال‌شده")
    ACCEPTED = ("accepted", "پذیرفته‌شده")
    RETURNED = ("returned", "برگشت‌خورده")


class Validity(Choice):
    """How an approval stands on a given day."""

    NOT_APPROVED = ("not_approved", "تأییدنشده")
    VALID = ("valid", "معتبر")
    EXPIRING = ("expiring", "رو به انقضا")
    EXPIRED = ("expired", "منقضی")


class Role(Choice):
    """What a user may do (seed 000 Art. 11: the head of the agency answers for approval)."""

    PREPARER = ("preparer", "تهیه‌کننده")
    REVIEWER = ("reviewer", "بررسی‌کننده")
    HEAD = ("head", "رئیس دستگاه")
    ADMIN = ("admin", "مدیر سامانه")
