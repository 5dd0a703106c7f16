"""Files kept with a passport: the scanned signed form, the blank application forms a service
uses, the text of a regulation. Each is stored once by the SHA-256 of its content (like plan
evidence) and named here; removing one leaves a tombstone, so the removal travels in bundles
like any other change and the history keeps what was there."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govsvc_desktop.domain.errors import Problem
from govsvc_desktop.domain.passport.model import new_uuid
from govsvc_desktop.domain.persian import format_int

MAX_BYTES = 25 * 1024 * 1024  # a scanned form at 300 dpi is a few MB; a bundle must stay portable
MAX_NAME = 200

# the allow-list: media type → (what it is called, the extensions a name may have)
ALLOWED: dict[str, tuple[str, tuple[str, ...]]] = {
    "application/pdf": ("PDF", (".pdf",)),
    "image/jpeg": ("تصویر JPEG", (".jpg", ".jpeg")),
    "image/png": ("تصویر PNG", (".png",)),
    "image/gif": ("تصویر GIF", (".gif",)),
    "image/tiff": ("تصویر TIFF", (".tif", ".tiff")),
    "image/webp": ("تصویر WebP", (".webp",)),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        ("سند Word", (".docx",)),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        ("کاربرگ Excel", (".xlsx",)),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        ("ارائهٔ PowerPoint", (".pptx",)),
    "application/vnd.oasis.opendocument.text": ("سند OpenDocument", (".odt",)),
    "application/vnd.oasis.opendocument.spreadsheet": ("کاربرگ OpenDocument", (".ods",)),
    "application/msword": ("سند Word قدیمی", (".doc",)),
    "application/vnd.ms-excel": ("کاربرگ Excel قدیمی", (".xls",)),
}
# old Office files share one container; the name tells Word from Excel
OLE_TYPES = ("application/msword", "application/vnd.ms-excel")

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_BAD_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


@dataclass
class Attachment:
    """One file of a passport, by content; ``removed`` once taken off."""

    passport_uuid: str = ""
    name: str = ""
    sha256: str = ""
    size: int = 0
    media_type: str = ""
    removed: bool = False
    added_by: str = ""
    uuid: str = field(default_factory=new_uuid)
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""

    @property
    def kind_fa(self) -> str:
        return ALLOWED.get(self.media_type, (self.media_type, ()))[0]


def allowed_summary_fa() -> str:
    return "PDF، تصویر (JPEG، PNG، GIF، TIFF، WebP) و سندهای اداری (Word، Excel، PowerPoint، OpenDocument)"


def name_problems(name: str) -> list[str]:
    if not name.strip():
        return ["نام پرونده خالی است"]
    problems = []
    if len(name) > MAX_NAME:
        problems.append(f"نام پرونده بیش از {format_int(MAX_NAME)} نویسه است")
    if _BAD_NAME.search(name) or name.strip() in (".", ".."):
        problems.append("نام پرونده نویسهٔ ناپذیرفتنی (/ یا \\ یا نویسهٔ کنترلی) دارد")
    return problems


def extension_matches(name: str, media_type: str) -> bool:
    return name.lower().endswith(ALLOWED.get(media_type, ("", ()))[1])


def validate_attachment(a: Attachment) -> list[Problem]:
    """What an attachment record (typed here or read from a bundle) must satisfy."""
    problems = [Problem("name", p) for p in name_problems(a.name)]
    if not a.passport_uuid:
        problems.append(Problem("passport_uuid", "شناسنامهٔ پیوست معلوم نیست"))
    if not _SHA256.match(a.sha256):
        problems.append(Problem("sha256", "چکیدهٔ SHA-256 پیوست درست نیست"))
    if not 0 < a.size <= MAX_BYTES:
        problems.append(Problem("size", f"اندازهٔ پیوست باید بیش از صفر و تا {size_fa(MAX_BYTES)} باشد"))
    if a.media_type not in ALLOWED:
        problems.append(Problem("media_type", f"نوع پروندهٔ «{a.media_type}» پذیرفته نیست؛ فقط "
                                + allowed_summary_fa()))
    elif not a.removed and not name_problems(a.name) and not extension_matches(a.name, a.media_type):
        problems.append(Problem("name", f"پسوند نام «{a.name}» با نوع پرونده ({a.kind_fa}) نمی‌خواند"))
    return problems


def size_fa(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{format_int(round(size / (1024 * 1024)))} مگابایت"
    return f"{format_int(max(1, round(size / 1024)))} کیلوبایت"
