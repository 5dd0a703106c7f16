"""`govsvc-desktop bundle VERB`: signed submission bundles and the centre's replies.

The centre's acknowledgement is recorded when its reply is imported; ``bundle ack`` records
it by hand (a receipt confirmed by letter), so the next ``--delta`` export follows it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govsvc_desktop.cli.cert import read_password
from govsvc_desktop.cli.context import Context, print_table, progress_printer
from govsvc_desktop.cli.filters import add_filter_options, filter_from_args
from govsvc_desktop.domain.bundles import SENT
from govsvc_desktop.domain.calendar import format_jalali_datetime
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import to_persian_digits

if TYPE_CHECKING:
    from govsvc_desktop.services.bundles.service import BundleService
    from govsvc_desktop.services.certificates import SigningIdentity


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("bundle").add_subparsers(
        dest="verb", metavar="VERB")

    p = noun.add_parser("export", help="write a signed bundle; approved passports become sent")
    add_filter_options(p)
    p.add_argument("-o", "--output", required=True, help="bundle file (.asice)")
    p.add_argument("--delta", action="store_true",
                   help="only what changed since the last bundle the centre acknowledged")
    _signing_options(p)
    p.set_defaults(func=cmd_export)

    p = noun.add_parser("verify", help="check a bundle; exit 1 if anything is wrong")
    p.add_argument("file")
    p.add_argument("--records", action="store_true",
                   help="also read every record file and check it against the header, as an "
                        "import does")
    p.set_defaults(func=cmd_verify)

    p = noun.add_parser("import", help="verify and import a bundle (all or nothing)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    p.set_defaults(func=cmd_import)

    p = noun.add_parser("list", help="bundles sent and received, with fingerprints")
    p.set_defaults(func=cmd_list)

    p = noun.add_parser("reply", help="the centre's answer to a submission bundle")
    p.add_argument("file", help="the submission bundle answered")
    p.add_argument("--accept", nargs="+", action="extend", default=[], metavar="ID",
                   help="UUID or service ID of a record accepted")
    p.add_argument("--return", dest="returns", nargs="+", action="extend", default=[],
                   metavar="ID:COMMENT",
                   help="a passport returned, or a proposed service refused, with the centre's comment")
    p.add_argument("--issue-id", nargs="+", action="extend", default=[],
                   metavar="UUID:SERVICE_ID",
                   help="a service ID issued for a passport without one or a proposed service")
    p.add_argument("--reference-list", nargs="+", action="extend", default=[], metavar="FILE",
                   help="an official list (divisions, agencies, architecture JSON) sent with the answer")
    p.add_argument("-o", "--output", required=True, help="reply bundle file (.asice)")
    _signing_options(p)
    p.set_defaults(func=cmd_reply)

    p = noun.add_parser("ack", help="record that the centre acknowledged a bundle sent from here")
    p.add_argument("bundle", help="the bundle file or its fingerprint (at least 8 characters)")
    p.set_defaults(func=cmd_ack)


def _signing_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--cert", help="signing identity: fingerprint prefix or name")
    p.add_argument("--password-env", help="environment variable holding the key's password")


def _service(ctx: Context) -> BundleService:
    return ctx.app.bundles


def _unlock(args: argparse.Namespace, service: BundleService) -> SigningIdentity:
    info = service.certificates.find(args.cert)
    password = read_password(args.password_env, f"گذرواژهٔ کلید «{info.name}»: ")
    return service.certificates.unlock(info.fingerprint, password)


def _pair(text: str, label: str) -> tuple[str, str]:
    ref, sep, value = text.partition(":")
    if not sep or not ref.strip() or not value.strip():
        raise GovsvcError(f"«{text}» باید به شکل {label} باشد")
    return ref.strip(), value.strip()


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    service = _service(ctx)
    f = filter_from_args(args)
    plan = service.plan_export(f, args.delta)
    identity = _unlock(args, service)
    print(f"در بسته: {plan.summary_fa()}")
    result = service.export(args.output, identity, f, args.delta, progress_printer("ساخت بسته"))
    print(f"بستهٔ {to_persian_digits(str(result.header.sequence))} در {result.path} نوشته شد؛ "
          f"{to_persian_digits(str(result.marked_sent))} شناسنامه «ارسال‌شده» شد.")
    print(f"اثر انگشت SHA-256: {result.sha256}")
    return 0


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    service = _service(ctx)
    report = service.verify(args.file, progress_printer("بررسی"), records=args.records)
    if args.records and report.ok:
        service.check_records(report)
    for check in report.checks:
        print(("✔ " if check.passed else "✘ ") + check.message_fa)
    if report.ok and report.header is not None:
        h = report.header
        print(f"فرستنده: {h.sender} ({h.agency}، {h.province})؛ بستهٔ شمارهٔ "
              f"{to_persian_digits(str(h.sequence))} از {format_jalali_datetime(h.created_at)}")
        if args.records:
            print("بسته معتبر است و پرونده‌های رکوردهایش با سرآیند می‌خوانند.")
        else:
            print("بسته معتبر است: امضا، یکپارچگی و سرآیند درست‌اند. رکوردها را «bundle verify "
                  "--records» یا «bundle import --dry-run» می‌خوانند.")
        return 0
    print("بسته معتبر نیست و نباید وارد شود.", file=sys.stderr)
    return 1


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    service = _service(ctx)
    plan = service.prepare_import(args.file, progress_printer("بررسی"))
    print(plan.summary_fa())
    if not plan.ok:
        from govsvc_desktop.services.bundles.service import BundleRefused

        raise BundleRefused("بسته وارد نشد؛ پایگاه داده دست نخورد:\n" + plan.failures_fa())
    counts: dict[str, int] = {}
    for change in plan.changes:
        counts[change.outcome] = counts.get(change.outcome, 0) + 1
    print("تغییرها: " + "، ".join(f"{k}: {to_persian_digits(str(v))}" for k, v in counts.items()))
    if args.dry_run:
        if plan.conflicts:
            print("ناسازگاری‌ها:\n" + plan.conflicts_fa())
        print("بررسی شد؛ چیزی نوشته نشد.")
        return 0
    outcome = service.apply_import(plan)
    print(outcome.summary_fa())
    if outcome.acknowledged:
        print(f"مرکز دریافت بستهٔ {outcome.acknowledged[:16]}… را تأیید کرد.")
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    rows = []
    for e in _service(ctx).history():
        direction = "فرستاده" if e.direction == SENT else "دریافتی"
        kind = "پاسخ" if e.kind == "reply" else ("تغییرات" if e.delta else "کامل")
        ack = "✔" if e.acknowledged else ""
        counts = "، ".join(f"{k}: {v}" for k, v in sorted(e.counts.items()) if v)
        rows.append((to_persian_digits(str(e.sequence)), direction, kind,
                     format_jalali_datetime(e.created_at), e.sender, counts, ack, e.sha256))
    print_table(("شماره", "سو", "نوع", "زمان", "فرستنده", "شمار", "تأیید مرکز", "اثر انگشت SHA-256"),
                rows)
    return 0


def cmd_reply(args: argparse.Namespace, ctx: Context) -> int:
    service = _service(ctx)
    returns = [_pair(r, "ID:COMMENT") for r in args.returns]
    issues = [_pair(i, "UUID:SERVICE_ID") for i in args.issue_id]
    identity = _unlock(args, service)
    lists = {}
    for name in args.reference_list:
        try:
            doc = json.loads(Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise GovsvcError(f"فهرست رسمی «{name}» خوانده نشد: {exc}") from exc
        lists[str(doc.get("list", "")) if isinstance(doc, dict) else ""] = doc
    result = service.reply(args.file, identity, args.output, accept=args.accept,
                           returns=returns, issue_ids=issues, reference_lists=lists)
    for d in result.decisions:
        print(f"«{d.title}»: {d.describe_fa()}")
    print(f"پاسخ در {result.path} نوشته شد. اثر انگشت SHA-256: {result.sha256}")
    return 0


def cmd_ack(args: argparse.Namespace, ctx: Context) -> int:
    entry = _service(ctx).acknowledge(args.bundle)
    print(f"دریافت بستهٔ {to_persian_digits(str(entry.sequence))} ({entry.sha256}) از سوی مرکز "
          "ثبت شد.")
    return 0
