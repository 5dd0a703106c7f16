"""Persian labels of every passport field and repeated part, as users know them from the form.

One table serves the editor, validation messages, Excel headers and the CLI, so a field is
called the same everywhere.
"""

from __future__ import annotations

import re

PASSPORT_FIELDS: dict[str, str] = {
    "uuid": "شناسه یکتای رکورد",
    "kind": "نوع رکورد (خدمت / وظیفه)",
    "service_id": "کد شناسه خدمت",
    "title": "عنوان خدمت / وظیفه",
    "agency_name": "نام دستگاه",
    "agency_national_id": "شناسه ملی دستگاه",
    "parent_agency": "دستگاه مادر",
    "province": "استان",
    "county": "شهرستان",
    "nature": "ماهیت خدمت / وظیفه",
    "description": "شرح خدمت / وظیفه",
    "recipients": "معرفی خدمت‌گیرندگان",
    "stakeholders": "ذی‌نفعان",
    "sub_services": "انواع زیرگروه‌های خدمت",
    "audiences": "نوع خدمت",
    "scope": "دستگاهی / بین‌دستگاهی",
    "partner_agencies": "دستگاه‌های همکار",
    "architecture_domain": "حوزه (معماری خدمت)",
    "architecture_layer": "لایه (معماری خدمت)",
    "architecture_category": "طبقه (معماری خدمت)",
    "linked_tasks": "وظایف مرتبط",
    "legal_bases": "مبانی قانونی و مقررات",
    "licences": "مجوزهای درگاه ملی مجوزها",
    "org_units": "واحدهای سازمانی درگیر",
    "channels": "کانال‌های کنونی ارائه خدمت",
    "electronic_method": "روش ارائه خدمت الکترونیکی",
    "electronic_scope": "نوع ارائه خدمت الکترونیکی",
    "stages_electronic": "مراحل الکترونیکی",
    "smart_level": "سطح بلوغ خدمت هوشمند",
    "electronic_target_date": "تاریخ الکترونیکی شدن",
    "exemption_approved": "معافیت تأییدشده از ارائه الکترونیکی",
    "exemption_reference": "مرجع و شماره معافیت",
    "delegated_to_counters": "واگذارشده به دفاتر پیشخوان",
    "counter_actions": "اقدامات دفاتر پیشخوان",
    "counter_fee_rials": "تعرفه دفاتر پیشخوان (ریال)",
    "in_person_reasons": "ذکر ضرورت‌های مراجعه حضوری",
    "identity_verification": "نیازمندی‌های احراز هویت حقیقی و حقوقی",
    "needs_inter_agency": "نیاز به همکاری بین‌سازمانی",
    "inquiries": "استعلام‌ها",
    "applicant_conditions": "شرایط متقاضی",
    "documents": "مدارک مورد نیاز",
    "forms": "کاربرگ‌ها",
    "providing_unit": "واحد ارائه‌کننده خدمت",
    "where_to_apply": "محل مراجعه",
    "where_to_receive": "محل دریافت پاسخ",
    "steps": "مراحل انجام کار",
    "recipients_count": "آمار تعداد خدمت‌گیرندگان",
    "deliveries_per_year": "تعداد دفعات ارائه در یک سال",
    "service_time": "مدت زمان ارائه خدمت",
    "service_time_unit": "واحد زمان ارائه خدمت",
    "direct_cost_rials": "هزینه مستقیم ارائه خدمت (ریال)",
    "cost_price_rials": "بهای تمام‌شده ارائه خدمت (ریال)",
    "fees": "تعرفه‌ها و حساب‌ها",
    "benefits": "مزایا و منافع الکترونیکی کردن خدمت",
    "obstacles": "موانع و مشکلات ارائه خدمت",
    "status": "وضعیت",
    "prepared_by": "تهیه‌کننده",
    "preparer_national_id": "کد ملی تهیه‌کننده",
    "reviewed_by": "بررسی‌کننده",
    "reviewed_on": "تاریخ بررسی",
    "approved_by": "تأییدکننده (رئیس دستگاه)",
    "approved_on": "تاریخ تأیید",
    "sent_on": "تاریخ ارسال",
    "centre_decision_on": "تاریخ نظر مرکز",
    "centre_comment": "نظر مرکز",
    "edition": "ویرایش",
    "revision": "نسخه ذخیره",
    "created_at": "زمان ایجاد",
    "updated_at": "زمان آخرین تغییر",
}

PART_FIELDS: dict[str, str] = {
    "title": "عنوان",
    "kind": "نوع",
    "number": "شماره",
    "date": "تاریخ",
    "article": "ماده / بند",
    "code": "کد",
    "name": "نام",
    "role": "نقش",
    "task_id": "شناسه وظیفه",
    "unit_id": "شناسه واحد",
    "post_id": "شناسه پست",
    "employee_id": "شناسه کارمند",
    "centre_count": "تعداد مراکز / دفاتر",
    "description": "توضیح",
    "target_agency": "دستگاه استعلام‌شونده",
    "subject": "موضوع",
    "electronic": "الکترونیکی",
    "original_required": "اصل مدرک لازم است",
    "notes": "توضیحات",
    "data_items": "تعداد اقلام اطلاعاتی",
    "order": "ردیف",
    "responsible_unit": "واحد مسئول",
    "duration": "مدت",
    "duration_unit": "واحد مدت",
    "legal_basis": "مبنای قانونی تعرفه",
    "amount_rials": "مبلغ (ریال)",
    "bank": "بانک",
    "account_number": "شماره حساب",
    "sheba": "شماره شبا",
    "start": "شروع",
    "production": "تولید",
    "delivery": "تحویل",
}

_INDEX = re.compile(r"\[(\d+)\]")


def label_for_path(path: str) -> str:
    """``fees[1].sheba`` → «تعرفه‌ها و حساب‌ها، ردیف ۲، شماره شبا» for messages users read."""
    from .persian import to_persian_digits

    parts = []
    for i, piece in enumerate(path.split(".")):
        name = _INDEX.sub("", piece)
        table = PASSPORT_FIELDS if i == 0 else PART_FIELDS
        label = table.get(name) or PASSPORT_FIELDS.get(name) or name
        parts.append(label)
        for index in _INDEX.findall(piece):
            parts.append(f"ردیف {to_persian_digits(str(int(index) + 1))}")
    return "، ".join(parts)
