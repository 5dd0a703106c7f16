"""The wording of Appendix B «شناسنامه خدمت» (seed 004) as published: legal text, kept once.

Row labels and option texts follow the published form in its order. Where the extracted text of
the seed is visibly garbled by character recognition, the reading of the published form is used
and listed in ``OCR_READINGS`` (garbled → published), so anyone can check the correction against
the seed. The other fields the application keeps (legal bases, units, documents, steps...) are
printed after the form as its supplement, never between its rows.
"""

from __future__ import annotations

FORM_TITLE = "شناسنامه خدمت"
APPENDIX = "پیوست ب"

# Garbled in the seed's extracted text → as printed on the form.
OCR_READINGS: dict[str, str] = {
    "استادی گری": "تصدی‌گری",
    "کاتال": "کانال",
    "آفرانسی": "آفلاین",
    "کاملی": "ملی",
    "GrG": "G2G",
    "GrC": "G2C",
    "GrB": "G2B",
    "BrC": "B2C",
    "مزایم": "موانع",
    "منقاسی": "متقاضی",
}

AGENCY = "نام دستگاه"
TITLE = "عنوان خدمت / وظیفه"
SERVICE_ID = "کد شناسه خدمت"
NATURE = "ماهیت خدمت / وظیفه"
DESCRIPTION = "شرح خدمت / وظیفه"
RECIPIENTS = "معرفی خدمت گیرندگان"
SUB_SERVICES = "انواع زیر گروه های خدمت"
CHANNELS = "کانال های کنونی ارائه خدمت"
METHOD = "روش ارائه خدمت الکترونیکی"
IN_PERSON = "ذکر ضرورت های مراجعه حضوری"
RECIPIENTS_COUNT = "آمار تعداد خدمت گیرندگان"
SCOPE = "نوع ارائه خدمت الکترونیکی"
AUDIENCE = "نوع خدمت"
FREQUENCY = "تعداد دوره ها / تعداد خدمات ارائه خدمت در یک بازه یک ساله"
DURATION = "مدت زمان ارائه خدمت"
DIRECT_COST = "هزینه مستقیم ارائه خدمت (ریال)"
COST_PRICE = "بهای تمام شده ارائه خدمت (در صورت وجود) (ریال)"
ACCOUNT = "مبلغ شماره حساب بانک"
INTER_AGENCY = ("آیا نیاز به همکاری بین سازمانی در ارائه خدمت (مانند استعلام و ...) وجود دارد "
                "یا اینکه رأساً توسط دستگاه قابل ارائه است؟")
IDENTITY = "نیازمندی های احراز هویت حقیقی و حقوقی؟"
BENEFITS = "مزایا و منافع الکترونیکی کردن خدمت؟"
OBSTACLES = "موانع و مشکلات ارائه خدمت؟"

# The rows of the form, top to bottom; a row holding two fields lists both.
ROWS: tuple[tuple[str, ...], ...] = (
    (AGENCY,),
    (TITLE, SERVICE_ID),
    (NATURE,),
    (DESCRIPTION,),
    (RECIPIENTS,),
    (SUB_SERVICES,),
    (CHANNELS,),
    (METHOD,),
    (IN_PERSON,),
    (RECIPIENTS_COUNT,),
    (SCOPE,),
    (AUDIENCE,),
    (FREQUENCY,),
    (DURATION,),
    (DIRECT_COST, COST_PRICE),
    (ACCOUNT,),
    (INTER_AGENCY,),
    (IDENTITY,),
    (BENEFITS,),
    (OBSTACLES,),
)

# Option boxes as printed. Nature: the form prints two boxes; the bylaw (seed 003 Art. 2) adds
# «حمایتی», printed after them.
NATURE_OPTIONS = ("حاکمیتی", "تصدی‌گری", "حمایتی")
CHANNEL_AGENCY = "حضور در دفتر دستگاه و مراکز وابسته"
CHANNEL_COUNTER = "دفاتر پیشخوان و خدمات ICT روستایی"
CHANNEL_OTHER = "سایر کانال ها"
CHANNEL_AGENCY_UNIT = "مرکز"
CHANNEL_COUNTER_UNIT = "دفتر"
METHOD_OPTIONS = (
    "ارائه خدمت به صورت غیرالکترونیکی",
    "ارائه خدمات الکترونیکی از چگونگی ارائه خدمت و امکان دریافت فرم از طریق وب",
    "آنلاین",
    "آفلاین",
)
SCOPE_OPTIONS = ("ملی", "استانی", "شهری")
AUDIENCE_OPTIONS = ("G2G", "G2C", "G2B", "B2C")
INTER_AGENCY_OPTIONS = ("نیاز به همکاری بین سازمانی وجود دارد", "رأساً توسط دستگاه قابل ارائه است")

DESCRIPTION_TABLE = "جدول شرح خدمات ، صدور مجوز ....."
DESCRIPTION_COLUMNS = ("ردیف", "عناوین", "توضیحات")
DESCRIPTION_ROWS = (
    "شرایط متقاضی",
    "مدارک مورد نیاز",
    "استعلام ها",
    "واحد ارائه کننده خدمت",
    "محل مراجعه",
    "محل دریافت پاسخ",
    "زمان میانگین برای ارائه خدمت",
    "اقدامات دفاتر پیشخوان",
    "تعرفه یا هزینه مربوط به دفاتر پیشخوان",
    "مراحل انجام کار",
)


def row_labels() -> list[str]:
    """Every label of the form and of its description table, in printed order."""
    return [label for row in ROWS for label in row] + list(DESCRIPTION_ROWS)
