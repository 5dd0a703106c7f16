"""`govsvc-desktop passports VERB`: list, show, validate, export, import, life cycle."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govsvc_desktop.cli import attachments
from govsvc_desktop.cli.context import (
    Context,
    print_json,
    print_table,
    progress_printer,
    read_json_input,
)
from govsvc_desktop.cli.filters import add_filter_options, filter_from_args
from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.labels import PASSPORT_FIELDS
from govsvc_desktop.domain.passport.lifecycle import ACTION_LABELS_FA, Action
from govsvc_desktop.domain.passport.model import ServicePassport, service_id_text
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.services import passport_json

_TRANSITIONS = {
    "review": Action.SUBMIT_REVIEW,
    "send-back": Action.SEND_BACK,
    "approve": Action.APPROVE,
    "mark-sent": Action.MARK_SENT,
    "accept": Action.ACCEPT,
    "return": Action.RETURN,
    "reopen": Action.REOPEN,
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("passports").add_subparsers(dest="verb", metavar="VERB")

    p = noun.add_parser("list", help="list passports")
    add_filter_options(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--limit", type=int, default=None,
                   help=f"at most this many (the table shows {TABLE_PAGE} unless told; JSON holds all)")
    p.add_argument("--all", action="store_true", help="the whole list in the table too")
    p.add_argument("--sort", default="title")
    p.set_defaults(func=cmd_list)

    p = noun.add_parser("show", help="one passport")
    p.add_argument("id", help="record UUID or service ID")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = noun.add_parser("validate", help="every problem of one passport; exit 1 if any")
    p.add_argument("id")
    p.set_defaults(func=cmd_validate)

    p = noun.add_parser("export", help="write passports to a JSON file")
    add_filter_options(p)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_export)

    p = noun.add_parser("import", help="read passports from a JSON file (all or nothing)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.set_defaults(func=cmd_import)

    for verb, action in _TRANSITIONS.items():
        p = noun.add_parser(verb, help=ACTION_LABELS_FA[action])
        p.add_argument("id")
        p.add_argument("--comment", default="")
        if action == Action.APPROVE:
            p.add_argument("--cert", help="the head's signing identity: fingerprint prefix or name")
            p.add_argument("--password-env", help="environment variable holding the key's password")
        p.set_defaults(func=cmd_transition, action=action)

    p = noun.add_parser("approval", help="check the head's approval signature of one passport")
    p.add_argument("id")
    p.add_argument("--statement-out", help="write the signed approval statement (for openssl)")
    p.add_argument("--signature-out", help="write the approval signature, DER (for openssl)")
    p.set_defaults(func=cmd_approval)

    p = noun.add_parser("renew", help="start the next edition of an approved passport")
    p.add_argument("id")
    p.set_defaults(func=cmd_renew)

    p = noun.add_parser("history", help="audit trail of one passport")
    p.add_argument("id")
    p.set_defaults(func=cmd_history)

    p = noun.add_parser("expiring", help="approved passports expiring soon")
    p.add_argument("--days", type=int, default=30)
    p.set_defaults(func=cmd_expiring)

    p = noun.add_parser("expired", help="passports whose approval year has run out")
    p.set_defaults(func=cmd_expired)

    attachments.register_verbs(noun)

    p = noun.add_parser("set", help="change scalar fields: FIELD=VALUE ... (text, numbers, codes)")
    p.add_argument("id")
    p.add_argument("assignments", nargs="+", metavar="FIELD=VALUE")
    p.set_defaults(func=cmd_set)

    p = noun.add_parser("schema", help="print the JSON Schema of the passports file")
    p.set_defaults(func=cmd_schema)

    p = noun.add_parser("delete", help="delete a draft that was never approved")
    p.add_argument("id")
    p.set_defaults(func=cmd_delete)


def _rows(summaries):  # type: ignore[no-untyped-def]
    return [
        (service_id_text(s.service_id, persian_digits=False), s.title, s.province, s.status.label_fa,
         format_jalali(s.valid_until), s.validity.label_fa, s.uuid)
        for s in summaries
    ]


_HEADERS = ("کد شناسه", "عنوان", "استان", "وضعیت", "اعتبار تا", "اعتبار", "UUID")
TABLE_PAGE = 200
"""Rows the table shows by default: a terminal is read, not scrolled through 100,000 lines."""


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    f = filter_from_args(args)
    limit = args.limit
    if limit is None and args.format == "table" and not args.all:
        limit = TABLE_PAGE
    service = ctx.app.passports
    rows = service.page(f, sort=args.sort, limit=limit)
    if args.format == "json":
        print_json([{**to_dict(r), "validity": r.validity.value} for r in rows])
        return 0
    print_table(_HEADERS, _rows(rows))
    if limit is not None and len(rows) == limit and args.limit is None:
        total = service.count(f)
        if total > limit:
            print(f"{format_int(limit)} شناسنامه از {format_int(total)} نشان داده شد؛ "
                  "همه با --all، یا شمار دیگری با --limit N.", file=sys.stderr)
    return 0


def _text(p: ServicePassport) -> None:
    data = to_dict(p)
    for name, label in PASSPORT_FIELDS.items():
        value = data.get(name)
        if value in (None, "", [], 0) and name not in ("status",):
            continue
        if isinstance(value, list):
            sys.stdout.write(f"{label}:\n")
            for i, item in enumerate(value, 1):
                sys.stdout.write(f"  {i}. {item if not isinstance(item, dict) else '، '.join(str(v) for v in item.values() if v not in (None, ''))}\n")
        elif isinstance(value, dict):
            sys.stdout.write(f"{label}: {', '.join(k for k, v in value.items() if v)}\n")
        else:
            sys.stdout.write(f"{label}: {value}\n")
    until = p.valid_until
    if until:
        sys.stdout.write(f"اعتبار تا: {format_jalali(until)}\n")


def _approval_line(ctx: Context, p: ServicePassport) -> None:
    if p.approval_signature or p.status.value in ("approved", "sent", "accepted"):
        sys.stdout.write(f"امضای تأیید: {ctx.app.passports.approval(p).summary_fa()}\n")


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    p = ctx.app.passports.resolve(args.id)
    if args.format == "json":
        print_json(to_dict(p))
    else:
        _text(p)
        _approval_line(ctx, p)
    return 0


def cmd_validate(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.passports
    p = service.resolve(args.id)
    problems = service.problems(p)
    for pr in problems:
        tag = "مانع ذخیره" if pr.blocking else "هشدار" if pr.warning else "مانع تأیید"
        print(f"[{tag}] {pr.field_path}: {pr.message_fa}")
    blocking = [pr for pr in problems if not pr.warning]
    if not blocking:
        print(f"«{p.title}» همه قواعد را رعایت می‌کند و آماده تأیید است.")
    return 1 if blocking else 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:

    document = passport_json.export_document(ctx.app.passports, filter_from_args(args))
    atomic_write(Path(args.output), passport_json.dumps(document).encode("utf-8"))
    print(f"{len(document['passports'])} شناسنامه در {args.output} نوشته شد.")
    return 0


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    records = passport_json.parse_document(read_json_input(args.file))
    report = passport_json.import_passports(ctx.app.passports, records, args.dry_run,
                                            progress_printer("ورود"))
    verb = "بررسی شد (چیزی نوشته نشد)" if args.dry_run else "وارد شد"
    print(f"{verb}: {report.created} رکورد تازه، {report.updated} به‌روزرسانی، {report.unchanged} بدون تغییر.")
    if report.notes:
        print(f"{format_int(len(report.notes))} رکورد با وضعیتی جز آنچه پرونده می‌گفت وارد شد:")
        print(report.notes_fa())
    return 0


def cmd_transition(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.passports
    p = service.resolve(args.id)
    if args.action == Action.APPROVE:
        from govsvc_desktop.cli.cert import read_password
        from govsvc_desktop.services.certificates import CertificateService

        certificates = CertificateService.default()
        info = certificates.find(args.cert)
        password = read_password(args.password_env, f"گذرواژهٔ کلید «{info.name}»: ")
        result = service.approve(p.uuid, certificates.unlock(info.fingerprint, password))
        check = service.approval(result)
        print(f"«{result.title}» با امضای «{result.approved_by}» در "
              f"{format_jalali(result.approved_on)} تأیید شد. اثر انگشت گواهی: {check.fingerprint}")
        return 0
    result = service.transition(p.uuid, args.action, args.comment)
    print(f"«{result.title}»: وضعیت اکنون «{result.status.label_fa}» است.")
    return 0


def cmd_approval(args: argparse.Namespace, ctx: Context) -> int:
    import base64

    service = ctx.app.passports
    p = service.resolve(args.id)
    check = service.approval(p)
    print(("✔ " if check.ok else "✘ ") + check.summary_fa())
    if check.signed:
        print(f"تأییدکننده: {p.approved_by} — تاریخ: {format_jalali(p.approved_on)}")
        print(f"اثر انگشت گواهی: {check.fingerprint}")
        print(f"چکیدهٔ تأیید: {check.approval_hash}")
    if args.statement_out:
        atomic_write(Path(args.statement_out), service.approvals.statement_of("passport", p))
    if args.signature_out and p.approval_signature:
        atomic_write(Path(args.signature_out), base64.b64decode(p.approval_signature))
    return 0 if check.ok else 1


def cmd_renew(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.passports
    result = service.renew(service.resolve(args.id).uuid)
    print(f"ویرایش {result.edition} «{result.title}» به صورت پیش‌نویس ساخته شد.")
    return 0


def cmd_history(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.passports
    entries = service.history(service.resolve(args.id).uuid)
    print_table(("زمان", "کاربر", "عملیات", "فیلد", "مقدار پیشین", "مقدار تازه"),
                [(e.at[:19], e.actor, e.action, e.field_path, e.old_value[:40], e.new_value[:40])
                 for e in entries])
    return 0


def cmd_expiring(args: argparse.Namespace, ctx: Context) -> int:
    print_table(_HEADERS, _rows(ctx.app.passports.expiring(args.days)))
    return 0


def cmd_expired(args: argparse.Namespace, ctx: Context) -> int:
    print_table(_HEADERS, _rows(ctx.app.passports.expired()))
    return 0


def cmd_set(args: argparse.Namespace, ctx: Context) -> int:
    from govsvc_desktop.domain.codec import from_dict

    service = ctx.app.passports
    p = service.resolve(args.id)
    data = to_dict(p)
    for assignment in args.assignments:
        name, sep, value = assignment.partition("=")
        if not sep or name not in data or isinstance(data[name], (list, dict)):
            raise GovsvcError(f"«{assignment}» باید به شکل FIELD=VALUE برای یک فیلد ساده باشد")
        current = data[name]
        if isinstance(current, bool):
            data[name] = value.lower() in ("1", "true", "yes", "بله")
        elif isinstance(current, int) or (current is None and name.endswith(("_rials", "_count", "_per_year"))):
            from govsvc_desktop.domain.persian import parse_int

            try:
                data[name] = parse_int(value) if value else None
            except ValueError:
                raise GovsvcError(f"«{PASSPORT_FIELDS.get(name, name)}» باید عدد باشد: «{value}»") from None
        elif isinstance(current, float) or name == "service_time":
            from govsvc_desktop.domain.persian import parse_number

            data[name] = parse_number(value) if value else None
        else:
            data[name] = value or (None if current is None else "")
    result = service.save(from_dict(ServicePassport, data))
    print(f"ذخیره شد (نسخه {result.passport.revision}).")
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.passports
    p = service.resolve(args.id)
    service.delete(p.uuid)
    print(f"«{p.title}» حذف شد.")
    return 0


def cmd_schema(args: argparse.Namespace, ctx: Context) -> int:

    print_json(passport_json.document_schema())
    return 0
