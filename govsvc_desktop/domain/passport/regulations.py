"""The regulations' rules for one passport, each a function returning its problems.

Every function here is one row of docs/rules.md (the identifier in its docstring). They are
called by ``validation.validate``, so the editor, the Excel, JSON and bundle importers, the
compliance dashboard (through the stored approval gaps) and the printed form's verdicts all
read the same answer. ``blocking`` problems stop saving; the others stop approval, except
``warning`` ones, which only inform.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govsvc_desktop.domain.choices import (
    ChannelKind,
    ElectronicMethod,
    InquiryKind,
    RecordKind,
    ServiceScope,
)
from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.identifiers import canonical_postal_code, canonical_service_id
from govsvc_desktop.domain.passport.labels import label_for_path
from govsvc_desktop.domain.passport.model import ServicePassport
from govsvc_desktop.domain.persian import search_key

SEED_000 = "بخشنامه ساماندهی و بازتعریف خدمات"
SEED_002 = "مصوبه بهبود فرایندها"
SEED_003 = "آیین‌نامه توسعه خدمات الکترونیکی"


def problem(path: str, message: str, *, blocking: bool = False, warning: bool = False) -> Problem:
    """A problem of ``path`` with the field's Persian label in front of ``message``."""
    return Problem(path, f"«{label_for_path(path)}» {message}", "", blocking, warning)


def _is_service(p: ServicePassport) -> bool:
    return p.kind is RecordKind.SERVICE


def service_id_format(p: ServicePassport) -> list[Problem]:
    """P-01 (seed 000 def. 9): a service ID is a string of digits, nothing else."""
    if p.service_id and canonical_service_id(p.service_id) != p.service_id:
        return [problem("service_id", "باید فقط از رقم تشکیل شده باشد (تعریف ۹ بخشنامه "
                        "ساماندهی خدمات)", blocking=True)]
    return []


def duplicate_service_id(p: ServicePassport, holders: Iterable[str]) -> list[Problem]:
    """P-02 (seed 000 def. 9, Art. 10): no two records carry the same service ID.

    ``holders`` are the titles of the other records that already carry it."""
    names = [h for h in holders]
    if not p.service_id or not names:
        return []
    return [problem("service_id", f"«{p.service_id}» پیش‌تر به «{names[0]}» داده شده است؛ "
                    "شناسه خدمت یکتاست (تعریف ۹ و ماده ۱۰ بخشنامه ساماندهی خدمات)",
                    blocking=True)]


def electronic_definition(p: ServicePassport) -> list[Problem]:
    """P-03 (seed 000 def. 23; seed 003 Art. 4): a service is electronic only when all three
    stages run in a process-aware system; the method box and the stages must agree."""
    if not _is_service(p):
        return []
    found = []
    stages = p.stages_electronic
    if p.claims_electronic and not stages.all:
        found.append(problem("stages_electronic", "روش ارائه «الکترونیکی» است ولی همه مراحل "
                             "شروع، تولید و تحویل الکترونیکی نیستند؛ خدمت الکترونیکی آن است که "
                             "هر سه مرحله‌اش الکترونیکی باشد (تعریف ۲۳ بخشنامه ساماندهی خدمات)"))
    if stages.all and p.electronic_method in (ElectronicMethod.NON_ELECTRONIC, ElectronicMethod.INFO_WEB):
        found.append(problem("electronic_method", "هر سه مرحله الکترونیکی علامت خورده ولی روش "
                             "ارائه غیرالکترونیکی است؛ یکی از این دو درست نیست (تعریف ۲۳)"))
    if p.claims_electronic:
        for i, inquiry in enumerate(p.inquiries):
            if not inquiry.electronic:
                found.append(problem(f"inquiries[{i}].electronic", "در خدمت الکترونیکی، استعلام "
                                     "هم باید الکترونیکی باشد (تعریف ۲۳ و ماده ۶ آیین‌نامه "
                                     "توسعه خدمات الکترونیکی)"))
    return found


def smart_definition(p: ServicePassport) -> list[Problem]:
    """P-04 (seed 000 def. 24): a smart service is online in every stage, with no human agent
    and no document asked of the applicant."""
    if not _is_service(p) or p.smart_level <= 0:
        return []
    found = []
    if not (p.electronic_method is ElectronicMethod.ONLINE and p.stages_electronic.all):
        found.append(problem("smart_level", "خدمت هوشمند باید برخط و در هر سه مرحله الکترونیکی "
                             "باشد (تعریف ۲۴ بخشنامه ساماندهی خدمات)"))
    if p.documents:
        found.append(problem("documents", "خدمت هوشمند هیچ مدرکی از متقاضی نمی‌گیرد؛ با داشتن "
                             "مدرک، سطح بلوغ هوشمند نمی‌تواند بیش از صفر باشد (تعریف ۲۴)"))
    if any(i.kind is InquiryKind.PROCESS for i in p.inquiries):
        found.append(problem("inquiries", "استعلام فرآیندی کار انسانی می‌خواهد و با خدمت هوشمند "
                             "(بدون دخالت عامل انسانی) سازگار نیست (تعریف‌های ۱۹ و ۲۴)"))
    return found


def _other_agency(p: ServicePassport, target: str) -> bool:
    key = search_key(target)
    return bool(key) and key != search_key(p.agency_name)


def inter_agency_by_definition(p: ServicePassport) -> bool:
    """Def. 11: process inquiries from other agencies (or their work) make a service inter-agency."""
    return bool(p.partner_agencies) or any(
        i.kind is InquiryKind.PROCESS and _other_agency(p, i.target_agency) for i in p.inquiries)


def scope_definition(p: ServicePassport) -> list[Problem]:
    """P-05 (seed 000 defs. 10, 11, 17): a service needing process inquiries from, or the work
    of, other agencies is inter-agency; an inter-agency one names its partner agencies."""
    if not _is_service(p):
        return []
    found = []
    if p.scope is ServiceScope.AGENCY:
        for i, inquiry in enumerate(p.inquiries):
            if inquiry.kind is InquiryKind.PROCESS and _other_agency(p, inquiry.target_agency):
                found.append(problem(f"inquiries[{i}].kind", f"استعلام فرآیندی از «{inquiry.target_agency}» "
                                     "خدمت را بین‌دستگاهی می‌کند، ولی «دستگاهی» علامت خورده است "
                                     "(تعریف‌های ۱۰ و ۱۱ بخشنامه ساماندهی خدمات)"))
        if p.partner_agencies:
            found.append(problem("partner_agencies", "خدمت دستگاهی دستگاه همکار ندارد؛ اگر دستگاه "
                                 "دیگری در زنجیره هست، خدمت بین‌دستگاهی است (تعریف‌های ۱۰ و ۱۷)"))
        if p.needs_inter_agency:
            found.append(problem("needs_inter_agency", "نیاز به همکاری بین‌سازمانی علامت خورده "
                                 "ولی خدمت «دستگاهی» است (تعریف‌های ۱۰ و ۱۱)"))
    elif not p.partner_agencies:
        found.append(problem("partner_agencies", "خدمت بین‌دستگاهی دست‌کم یک دستگاه همکار لازم "
                             "دارد (تعریف ۱۷ بخشنامه ساماندهی خدمات)"))
    return found


def fee_basis(p: ServicePassport) -> list[Problem]:
    """P-06 (seed 003 Art. 2): every fee names its tariff basis and the account it is paid to."""
    found = []
    for i, fee in enumerate(p.fees):
        if not fee.legal_basis.strip():
            found.append(problem(f"fees[{i}].legal_basis", "مجوز و تعرفه اخذ هزینه لازم است "
                                 "(ماده ۲ آیین‌نامه توسعه خدمات الکترونیکی)"))
        if not (fee.account_number.strip() or fee.sheba.strip()):
            found.append(problem(f"fees[{i}].account_number", "شماره حساب یا شبای واریز هزینه "
                                 "لازم است (ماده ۲ آیین‌نامه توسعه خدمات الکترونیکی)"))
    return found


def in_person_reasons(p: ServicePassport) -> list[Problem]:
    """P-07 (seed 003 Art. 2): an in-person channel states why a visit is necessary."""
    if any(ch.kind is ChannelKind.IN_PERSON for ch in p.channels) and not p.in_person_reasons.strip():
        return [problem("in_person_reasons", "برای کانال حضوری باید گفته شود چرا مراجعه حضوری "
                        "لازم است (ماده ۲ آیین‌نامه توسعه خدمات الکترونیکی)")]
    return []


def org_units_listed(p: ServicePassport) -> list[Problem]:
    """P-08 (seed 003 Art. 2; seed 000 Art. 4 row 6): the units involved are listed."""
    if _is_service(p) and not p.org_units:
        return [problem("org_units", "فهرست واحدهای سازمانی درگیر در ارائه خدمت لازم است "
                        "(ماده ۲ آیین‌نامه توسعه خدمات الکترونیکی)")]
    return []


_BANNED_COPIES = ("کارت ملی", "شناسنامه")


def banned_document_copies(p: ServicePassport) -> list[Problem]:
    """P-09 (seed 003 Art. 12): no copy of the national card or birth certificate is asked."""
    found = []
    for i, doc in enumerate(p.documents):
        key = search_key(doc.title)
        named = next((b for b in _BANNED_COPIES if search_key(b) in key), None)
        if named:
            found.append(problem(f"documents[{i}].title", f"گرفتن تصویر {named} ممنوع است؛ این "
                                 "اطلاعات از شبکه ملی اطلاعات استعلام می‌شود (ماده ۱۲ آیین‌نامه "
                                 "توسعه خدمات الکترونیکی)", warning=True))
    return found


def tracking_code(p: ServicePassport) -> list[Problem]:
    """P-10 (seed 003 Art. 6; seed 002 Art. 4-6): each request gets a unique tracking code."""
    if _is_service(p) and not p.tracking_code:
        return [problem("tracking_code", "به هر درخواست باید کد رهگیری یکتا داده شود (ماده ۶ "
                        "آیین‌نامه توسعه خدمات الکترونیکی؛ بند ۴-۶ مصوبه بهبود فرایندها)")]
    return []


def postal_code(p: ServicePassport) -> list[Problem]:
    """P-11 (seed 003 Art. 11): the record carries a valid postal code beside the national ID."""
    if p.agency_postal_code and canonical_postal_code(p.agency_postal_code) is None:
        return []  # its format is a value constraint (domain.constraints), stated in the schema
    found = []
    if not p.agency_postal_code:
        found.append(problem("agency_postal_code", "برای تأیید لازم است (ماده ۱۱ آیین‌نامه "
                             "توسعه خدمات الکترونیکی)"))
    if not p.agency_national_id:
        found.append(problem("agency_national_id", "برای تأیید لازم است (ماده ۱۱ آیین‌نامه "
                             "توسعه خدمات الکترونیکی)"))
    return found


def electronic_date_or_exemption(p: ServicePassport) -> list[Problem]:
    """P-12 (seed 003 Art. 4 notes 1-2): a service that is not electronic has the date it
    becomes electronic or the approved exemption, with its reference."""
    if not _is_service(p) or p.electronic_method is None or p.is_electronic:
        return []
    found = []
    if not p.electronic_target_date and not p.exemption_approved:
        found.append(problem("electronic_target_date", "برای خدمت غیرالکترونیکی، تاریخ "
                             "الکترونیکی شدن یا معافیت تأییدشده لازم است (آیین‌نامه توسعه "
                             "خدمات الکترونیکی، ماده ۴)"))
    if p.exemption_approved and not p.exemption_reference.strip():
        found.append(problem("exemption_reference", "برای معافیت، مرجع و شماره تأیید لازم است "
                             "(تبصره ۲ ماده ۴ آیین‌نامه توسعه خدمات الکترونیکی)"))
    return found


PassportRule = Callable[[ServicePassport], list[Problem]]

# The rules of this module that need nothing but the passport, in the order of docs/rules.md.
# P-01's format (digits only) is a value constraint (domain.constraints), checked for every
# record and stated in the JSON Schema; ``service_id_format`` says it in the rule's words.
PASSPORT_RULES: tuple[PassportRule, ...] = (
    electronic_definition, smart_definition, scope_definition, fee_basis,
    in_person_reasons, org_units_listed, banned_document_copies, tracking_code, postal_code,
    electronic_date_or_exemption,
)
