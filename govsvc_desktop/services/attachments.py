"""Files on passports as use cases: add (checked by content against the allow-list and the
size limit), read, rename and remove, each in one transaction with an audit row on the
passport. Attachments have their own revisions, so adding the scanned signed form to an
approved passport neither reopens nor changes the approved record."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.errors import (
    ConflictError,
    GovsvcError,
    NotFoundError,
    PermissionDenied,
    Problem,
    ValidationError,
)
from govsvc_desktop.domain.passport.attachments import (
    ALLOWED,
    MAX_BYTES,
    Attachment,
    allowed_summary_fa,
    extension_matches,
    name_problems,
    size_fa,
    validate_attachment,
)
from govsvc_desktop.domain.persian import clean_typed
from govsvc_desktop.exchange.records.file_types import sniff
from govsvc_desktop.services.passports import iso_now
from govsvc_desktop.services.session import SessionBound
from govsvc_desktop.store.uow import UnitOfWork


def checked_file(name: str, data: bytes) -> str:
    """The media type of a file that may be attached; ValidationError naming what is wrong."""
    problems = [Problem("name", p) for p in name_problems(name)]
    if not data:
        problems.append(Problem("size", f"پروندهٔ «{name}» خالی است"))
    elif len(data) > MAX_BYTES:
        problems.append(Problem("size", f"پروندهٔ «{name}» {size_fa(len(data))} است؛ بیشترین "
                                f"اندازهٔ پیوست {size_fa(MAX_BYTES)} است"))
    media_type = sniff(data, name) if data else None
    if data and media_type is None:
        problems.append(Problem("media_type", f"محتوای «{name}» از نوع‌های پذیرفته نیست؛ فقط "
                                + allowed_summary_fa()))
    elif media_type is not None and not name_problems(name) \
            and not extension_matches(name, media_type):
        problems.append(Problem("name", f"محتوای «{name}» {ALLOWED[media_type][0]} است ولی "
                                "پسوند نامش چیز دیگری می‌گوید"))
    if problems:
        raise ValidationError(problems, "پیوست افزوده نشد")
    assert media_type is not None
    return media_type


class AttachmentService(SessionBound):
    """Files kept with a passport (the signed form, blank application forms, regulations)."""

    def names(self, passport_uuids: Sequence[str]) -> dict[str, list[str]]:
        """The files on each of these passports, for their printed forms."""
        with self.uow_factory() as uow:
            return uow.attachments.names(passport_uuids)

    def _may_write(self) -> None:
        if not (self.actor.can(Role.PREPARER) or self.actor.can(Role.HEAD)):
            raise PermissionDenied("افزودن و تغییر پیوست‌ها از عهدهٔ نقش «تهیه‌کننده» یا "
                                   "«رئیس دستگاه» برمی‌آید")

    def _audit(self, uow: UnitOfWork, a: Attachment, action: str,
               change: tuple[str, object, object]) -> None:
        uow.audit.record(at=iso_now(self.clock), actor=self.actor.name,
                         username=self.actor.username, record_type="passport",
                         record_uuid=a.passport_uuid, revision=a.revision, action=action,
                         changes=[change])

    def list(self, passport_uuid: str) -> list[Attachment]:
        with self.uow_factory() as uow:
            return uow.attachments.of_passport(passport_uuid)

    def find(self, passport_uuid: str, ref: str) -> Attachment:
        """An attachment of the passport by its UUID (or a prefix) or its file name."""
        found = [a for a in self.list(passport_uuid)
                 if a.uuid == ref or a.name == ref or (len(ref) >= 8 and a.uuid.startswith(ref))]
        if len(found) != 1:
            raise NotFoundError(f"{'چند' if found else 'هیچ'} پیوستی با «{ref}» روی این "
                                "شناسنامه نیست")
        return found[0]

    def add(self, passport_uuid: str, name: str, data: bytes) -> Attachment:
        self._may_write()
        name = clean_typed(name).strip()
        media_type = checked_file(name, data)
        now = iso_now(self.clock)
        digest = hashlib.sha256(data).hexdigest()
        attachment = Attachment(passport_uuid=passport_uuid, name=name, sha256=digest,
                                size=len(data), media_type=media_type, added_by=self.actor.name,
                                revision=1, created_at=now, updated_at=now)
        with self.uow_factory() as uow:
            if uow.passports.get(passport_uuid) is None:
                raise NotFoundError(f"شناسنامه‌ای با شناسهٔ «{passport_uuid}» یافت نشد")
            if any(a.name == name for a in uow.attachments.of_passport(passport_uuid)):
                raise ValidationError([Problem("name", f"پیوستی به نام «{name}» روی این "
                                               "شناسنامه هست؛ نام دیگری بدهید")], "پیوست افزوده نشد")
            uow.plans.put_evidence(digest, data)
            uow.attachments.insert(attachment)
            self._audit(uow, attachment, "attach", ("attachments", None, name))
            uow.commit()
        return attachment

    def add_file(self, passport_uuid: str, path: Path) -> Attachment:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                checked_file(path.name, b"\0" * (MAX_BYTES + 1))
            data = path.read_bytes()
        except OSError as exc:
            raise GovsvcError(f"پروندهٔ «{path}» خوانده نشد: {exc.strerror or exc}") from None
        return self.add(passport_uuid, path.name, data)

    def data(self, attachment: Attachment) -> bytes:
        with self.uow_factory() as uow:
            data = uow.plans.evidence(attachment.sha256)
        if data is None or hashlib.sha256(data).hexdigest() != attachment.sha256:
            raise NotFoundError(f"محتوای پیوست «{attachment.name}» در پایگاه داده نیست یا "
                                "آسیب دیده است")
        return data

    def _change(self, attachment: Attachment, action: str,
                edit: Callable[[Attachment], tuple[str, object, object]]) -> Attachment:
        """``edit`` changes a copy and names the change; written if nobody changed it since."""
        self._may_write()
        fresh = copy.deepcopy(attachment)
        change = edit(fresh)
        problems = validate_attachment(fresh)
        if problems:
            raise ValidationError(problems, "پیوست تغییر نکرد")
        with self.uow_factory() as uow:
            current = uow.attachments.get(attachment.uuid)
            if current is None or current.removed:
                raise NotFoundError(f"پیوست «{attachment.name}» دیگر روی این شناسنامه نیست")
            if action == "rename_attachment" and any(
                    a.name == fresh.name and a.uuid != fresh.uuid
                    for a in uow.attachments.of_passport(fresh.passport_uuid)):
                raise ValidationError([Problem("name", f"پیوستی به نام «{fresh.name}» روی این "
                                               "شناسنامه هست")], "پیوست تغییر نکرد")
            fresh.revision, fresh.updated_at = current.revision + 1, iso_now(self.clock)
            if current.revision != attachment.revision or not uow.attachments.update(
                    fresh, current.revision):
                raise ConflictError(f"پیوست «{attachment.name}» هم‌زمان تغییر کرد؛ چیزی ذخیره نشد")
            self._audit(uow, fresh, action, change)
            uow.commit()
        return fresh

    def rename(self, attachment: Attachment, new_name: str) -> Attachment:
        new_name = clean_typed(new_name).strip()

        def edit(a: Attachment) -> tuple[str, object, object]:
            old, a.name = a.name, new_name
            return ("attachments", old, new_name)

        return self._change(attachment, "rename_attachment", edit)

    def remove(self, attachment: Attachment) -> Attachment:
        def edit(a: Attachment) -> tuple[str, object, object]:
            a.removed = True
            return ("attachments", a.name, None)

        return self._change(attachment, "detach", edit)
