"""`govsvc-desktop plans VERB` and `requests128 VERB`: improvement plans, their quarterly
reports and evidence, the dashboard, and emergency requests from the 128 system."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govsvc_desktop.cli.context import Context, print_json, print_table, read_json_input
from govsvc_desktop.cli.filters import iso_date, parse_choice
from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.model import service_id_text
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.domain.plans.dashboard import KIND_LABELS_FA
from govsvc_desktop.domain.plans.model import PlanStatus, ProgressReport, Request128, RequestStatus
from govsvc_desktop.domain.plans.quarters import parse_quarter, quarter_code, quarter_label_fa
from govsvc_desktop.services import plan_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("plans").add_subparsers(dest="verb", metavar="VERB")

    p = noun.add_parser("list", help="list plans")
    p.add_argument("--search", default="")
    p.add_argument("--status", default=None)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_list)

    p = noun.add_parser("show", help="one plan")
    p.add_argument("id")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = noun.add_parser("new", help="a draft plan for a service, with the standard indicators")
    p.add_argument("--service", required=True, help="passport UUID or service ID")
    p.add_argument("--title", default="")
    p.set_defaults(func=cmd_new)

    p = noun.add_parser("status", help="approve, start, finish or cancel a plan")
    p.add_argument("id")
    p.add_argument("status", help="approved, in_progress, done, cancelled (or the Persian label)")
    p.add_argument("--cert", help="approving: the head's signing identity (fingerprint prefix or name)")
    p.add_argument("--password-env", help="approving: environment variable holding the key's password")
    p.set_defaults(func=cmd_status)

    p = noun.add_parser("dates", help="record the Organisation's approval, the provincial slice's approval, the note-5 reference")
    p.add_argument("id")
    p.add_argument("--organisation-approved", default=None, metavar="DATE",
                   help="the Organisation approved the plan (starts the provincial slice's month)")
    p.add_argument("--slice-approved", default=None, metavar="DATE", help="the provincial slice approved")
    p.add_argument("--standard-time", default=None, metavar="REF",
                   help="the Organisation's approval of the process's standard time (note 5)")
    p.set_defaults(func=cmd_dates)

    p = noun.add_parser("export", help="plans, 128 requests and evidence to a JSON file")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_export)

    p = noun.add_parser("import", help="read a plans JSON file (all or nothing)")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(func=cmd_import)

    p = noun.add_parser("evidence", help="attach an evidence file to a quarterly report")
    p.add_argument("id")
    p.add_argument("--quarter", required=True, help="e.g. 1404-Q2")
    p.add_argument("file")
    p.add_argument("--description", default="")
    p.set_defaults(func=cmd_evidence)

    p = noun.add_parser("pdf", help="the plan as PDF")
    p.add_argument("id")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_pdf)

    p = noun.add_parser("report", help="the quarterly progress report PDF of every plan that has one")
    p.add_argument("--quarter", required=True, help="e.g. 1404-Q2")
    p.add_argument("--plan", action="append", default=[], help="only these plans (repeat)")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_report)

    p = noun.add_parser("dashboard", help="what needs attention: below 30%%, missing reports, overdue")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_dashboard)

    req = sub.add_parser("requests128").add_subparsers(
        dest="verb", metavar="VERB")
    p = req.add_parser("list", help="list requests")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_requests)
    p = req.add_parser("add", help="record a request referred from 128")
    p.add_argument("--reference", required=True)
    p.add_argument("--subject", required=True)
    p.add_argument("--received", required=True, help="Jalali date, e.g. 1404/05/01")
    p.add_argument("--deadline", required=True, help="Jalali date")
    p.add_argument("--service", default="", help="passport UUID or service ID")
    p.add_argument("--plan", default="", help="plan UUID")
    p.set_defaults(func=cmd_request_add)
    p = req.add_parser("set-status", help="move a request on (in_progress, resolved, closed)")
    p.add_argument("id", help="request UUID or 128 reference")
    p.add_argument("status")
    p.add_argument("--response", default="")
    p.set_defaults(func=cmd_request_status)


def _quarter(text: str) -> str:
    try:
        return quarter_code(*parse_quarter(text))
    except ValueError:
        raise GovsvcError(f"سه‌ماهه «{text}» معتبر نیست؛ مانند 1404-Q2 بنویسید") from None


def _percent(plan_cut: float | None) -> str:
    return "—" if plan_cut is None else f"{format_int(round(plan_cut * 100))}٪"


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    status = parse_choice(PlanStatus, args.status, "وضعیت") if args.status else None
    plans = ctx.app.plans.find(args.search, status)
    if args.format == "json":
        print_json([{"uuid": p.uuid, "title": p.title, "service_id": p.service_id,
                     "status": p.status.value, "time_cut": p.time_cut,
                     "meets_time_target": p.meets_time_target} for p in plans])
        return 0
    print_table(["شناسه", "عنوان", "خدمت", "وضعیت", "کاهش زمان", "دوره"],
                [[p.uuid[:8], p.title, p.service_id or "—", p.status.label_fa, _percent(p.time_cut),
                  f"{format_jalali(p.period_start)}–{format_jalali(p.period_end)}"] for p in plans])
    return 0


def _find(ctx: Context, ref: str):  # type: ignore[no-untyped-def]
    service = ctx.app.plans
    try:
        return service.get(ref)
    except GovsvcError:
        matches = [p for p in service.find() if p.uuid.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        raise


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    plan = _find(ctx, args.id)
    if args.format == "json":
        print_json(to_dict(plan))
        return 0
    print(f"{plan.title}  ({plan.status.label_fa})")
    print(f"خدمت: {plan.service_title} [{service_id_text(plan.service_id, persian_digits=False)}]")
    print(f"دوره: {format_jalali(plan.period_start)} تا {format_jalali(plan.period_end)}")
    print(f"کاهش میانگین زمان ارائه خدمت: {_percent(plan.time_cut)}"
          + ("" if plan.meets_time_target else " — کمتر از ۳۰٪"))
    print(f"اقدامات: {format_int(len(plan.actions))}، گزارش‌ها: "
          + ("، ".join(quarter_label_fa(r.quarter) for r in plan.reports) or "—"))
    for problem in ctx.app.plans.problems(plan):
        print(("خطا: " if problem.blocking else "هشدار: ") + problem.message_fa)
    return 0


def cmd_new(args: argparse.Namespace, ctx: Context) -> int:
    passport = ctx.app.passports.resolve(args.service)
    plan = ctx.app.plans.new_plan(passport.uuid)
    if args.title:
        plan.title = args.title
    saved = ctx.app.plans.save(plan)
    print(saved.uuid)
    return 0


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    plan = _find(ctx, args.id)
    status = parse_choice(PlanStatus, args.status, "وضعیت")
    identity = None
    if status is PlanStatus.APPROVED and plan.status is not PlanStatus.APPROVED:
        from govsvc_desktop.cli.cert import read_password
        from govsvc_desktop.services.certificates import CertificateService

        ctx.app.plans.check_approvable(plan)
        certificates = CertificateService.default()
        info = certificates.find(args.cert)
        password = read_password(args.password_env, f"گذرواژهٔ کلید «{info.name}»: ")
        identity = certificates.unlock(info.fingerprint, password)
    saved = ctx.app.plans.set_status(plan.uuid, status, identity)
    print(f"وضعیت «{saved.title}»: {saved.status.label_fa}")
    if saved.approval_signature:
        print(f"تصویب با امضای «{saved.approved_by}»؛ {ctx.app.plans.approval(saved).summary_fa()}")
    return 0


def cmd_dates(args: argparse.Namespace, ctx: Context) -> int:
    plan = _find(ctx, args.id)
    for name, value in (("organisation_approved_on", args.organisation_approved),
                        ("slice_approved_on", args.slice_approved)):
        if value is not None:
            setattr(plan, name, iso_date(value) if value.strip() else None)
    if args.standard_time is not None:
        plan.standard_time_reference = args.standard_time.strip()
    saved = ctx.app.plans.save(plan)
    print(f"«{saved.title}»: تأیید سازمان {format_jalali(saved.organisation_approved_on) or '—'}، "
          f"تصویب برش استانی {format_jalali(saved.slice_approved_on) or '—'}")
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:

    document = plan_json.export_document(ctx.app.plans)
    atomic_write(Path(args.output), plan_json.dumps(document).encode())
    print(f"{format_int(len(document['plans']))} برنامه و {format_int(len(document['requests128']))} "
          f"درخواست ۱۲۸ در {args.output} نوشته شد.")
    return 0


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    incoming = plan_json.parse_document(read_json_input(args.file))
    report = plan_json.import_plans(ctx.app.plans, incoming, dry_run=args.dry_run)
    head = "بررسی شد؛ چیزی ذخیره نشد" if args.dry_run else "وارد شد"
    print(f"{head}: {format_int(report.created)} تازه، {format_int(report.updated)} به‌روزشده، "
          f"{format_int(report.unchanged)} بی‌تغییر")
    return 0


def cmd_evidence(args: argparse.Namespace, ctx: Context) -> int:
    plan = _find(ctx, args.id)
    quarter = _quarter(args.quarter)
    evidence = ctx.app.plans.add_evidence(Path(args.file), args.description)
    report = plan.report_for(quarter)
    if report is None:
        report = ProgressReport(quarter=quarter)
        plan.reports.append(report)
    report.evidence.append(evidence)
    ctx.app.plans.save(plan)
    print(f"{evidence.file_name} ({evidence.sha256}) به گزارش {quarter_label_fa(quarter)} افزوده شد.")
    return 0


def cmd_pdf(args: argparse.Namespace, ctx: Context) -> int:

    plan = _find(ctx, args.id)
    rendered = ctx.app.plans.plan_form(plan)
    atomic_write(Path(args.output), rendered.data)
    print(f"برنامه «{plan.title}» در {format_int(rendered.pages)} صفحه در {args.output} نوشته شد.")
    return 0


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:

    quarter = _quarter(args.quarter)
    plans = [_find(ctx, ref) for ref in args.plan] if args.plan else [
        p for p in ctx.app.plans.find() if p.report_for(quarter) is not None]
    if not plans:
        raise GovsvcError(f"برای {quarter_label_fa(quarter)} گزارشی ثبت نشده است")
    rendered = ctx.app.plans.quarter_report_form(plans, quarter)
    atomic_write(Path(args.output), rendered.data)
    print(f"گزارش {quarter_label_fa(quarter)} برای {format_int(len(plans))} برنامه در "
          f"{format_int(rendered.pages)} صفحه در {args.output} نوشته شد.")
    return 0


def cmd_dashboard(args: argparse.Namespace, ctx: Context) -> int:
    board = ctx.app.plans.dashboard()
    if args.format == "json":
        print_json([{"kind": i.kind, "record_uuid": i.record_uuid, "title": i.title, "detail": i.detail}
                    for i in board.items])
        return 0
    for kind, count in board.counts().items():
        print(f"{KIND_LABELS_FA[kind]}: {format_int(count)}")
    print_table(["مورد", "عنوان", "شرح"],
                [[KIND_LABELS_FA[i.kind], i.title, i.detail] for i in board.items])
    return 0


def cmd_requests(args: argparse.Namespace, ctx: Context) -> int:
    items = ctx.app.plans.requests(overdue_only=args.overdue)
    if args.format == "json":
        print_json([to_dict(r) for r in items])
        return 0
    today = ctx.app.plans.today()
    print_table(["شماره", "موضوع", "دریافت", "مهلت", "وضعیت", ""],
                [[r.reference, r.subject, format_jalali(r.received_on), format_jalali(r.deadline),
                  r.status.label_fa, "عقب‌افتاده" if r.is_overdue(today) else ""] for r in items])
    return 0


def cmd_request_add(args: argparse.Namespace, ctx: Context) -> int:
    request = Request128(reference=args.reference, subject=args.subject, received_on=iso_date(args.received),
                         deadline=iso_date(args.deadline), plan_uuid=args.plan)
    if args.service:
        passport = ctx.app.passports.resolve(args.service)
        request.passport_uuid, request.service_title = passport.uuid, passport.title
    saved = ctx.app.plans.save_request(request)
    print(saved.uuid)
    return 0


def cmd_request_status(args: argparse.Namespace, ctx: Context) -> int:
    request = ctx.app.plans.get_request(args.id)
    request.status = parse_choice(RequestStatus, args.status, "وضعیت")
    if args.response:
        request.response = args.response
    saved = ctx.app.plans.save_request(request)
    print(f"درخواست {saved.reference}: {saved.status.label_fa}", file=sys.stdout)
    return 0
