"""`govsvc-desktop compliance` (the obligations dashboard) and `govsvc-desktop events VERB`
(event logs of electronic services: import, figures, XES export, service time)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govsvc_desktop.cli.context import Context, print_json, print_table, progress_printer
from govsvc_desktop.cli.filters import parse_choice
from govsvc_desktop.domain.agency.compliance import ComplianceKind
from govsvc_desktop.domain.agency.event_log import describe_duration_fa
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("compliance")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--kind", default=None, help="only items of this kind (code or Persian label)")
    p.set_defaults(func=cmd_compliance)

    ev = sub.add_parser("events").add_subparsers(dest="verb", metavar="VERB")
    p = ev.add_parser("import", help="read a CSV log (case, activity, timestamp, resource) for a service")
    p.add_argument("file")
    p.add_argument("--service", required=True, help="service ID the log belongs to")
    p.add_argument("--replace", action="store_true", help="replace the same file imported before")
    p.set_defaults(func=cmd_import)
    p = ev.add_parser("stats", help="cases, events and average case duration per service")
    p.add_argument("--service", default="")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_stats)
    p = ev.add_parser("logs", help="the imported log files")
    p.add_argument("--service", default="")
    p.set_defaults(func=cmd_logs)
    p = ev.add_parser("delete", help="remove one imported log file and its events")
    p.add_argument("id")
    p.set_defaults(func=cmd_delete)
    p = ev.add_parser("export", help="a service's events as IEEE XES for process-mining tools")
    p.add_argument("--service", required=True)
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_export)
    p = ev.add_parser("fill-time", help="set the passport's service time to the average case duration")
    p.add_argument("--service", required=True)
    p.set_defaults(func=cmd_fill_time)


def cmd_compliance(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.app.compliance.report(calendar=args.format == "json")
    if args.kind:
        kind = parse_choice(ComplianceKind, args.kind, "نوع مورد")
        report.items = report.of(kind)
    if args.format == "json":
        print_json(report.to_document())
        return 0
    print(f"وضعیت تکالیف دستگاه در {format_jalali(report.today)} "
          f"({format_int(report.passports)} شناسنامه)")
    print_table(["مورد", "تعداد"], [[k.label_fa, format_int(n)] for k, n in report.counts().items()])
    if report.blocking_fields:
        print("\nکمبودهای مانع تأیید، به تفکیک فیلد:")
        print_table(["فیلد", "شناسنامه"],
                    [[label, format_int(n)] for label, n in report.blocking_fields.items()])
    if args.kind:
        print()
        print_table(["عنوان", "شرح", "شناسه"],
                    [[i.title, i.detail_fa, i.record_uuid] for i in report.items])
    return 0


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.app.events.import_csv(args.service, Path(args.file),
                                       progress_printer("رویدادنگار"), replace=args.replace)
    print(f"{format_int(result.events)} رویداد از {format_int(result.cases)} پرونده برای خدمت "
          f"{result.service_id} وارد شد")
    return 0


def cmd_stats(args: argparse.Namespace, ctx: Context) -> int:
    stats = ctx.app.events.stats(args.service)
    if args.format == "json":
        print_json([{"service_id": s.service_id, "title": s.title, "logs": s.logs,
                     "events": s.events, "cases": s.cases, "activities": s.activities,
                     "average_case_ms": s.average_case_ms, "median_case_ms": s.median_case_ms}
                    for s in stats])
        return 0
    print_table(["شناسهٔ خدمت", "عنوان", "پرونده", "رویداد", "فعالیت", "میانگین زمان", "میانه"],
                [[s.service_id, s.title or "—", format_int(s.cases), format_int(s.events),
                  format_int(s.activities), describe_duration_fa(s.average_case_ms),
                  describe_duration_fa(s.median_case_ms)] for s in stats])
    return 0


def cmd_logs(args: argparse.Namespace, ctx: Context) -> int:
    print_table(["شناسه", "خدمت", "پرونده", "رویداد", "پرونده‌ها", "وارد شده"],
                [[str(r["uuid"])[:8], r["service_id"], r["file_name"], format_int(int(r["events"])),  # type: ignore[call-overload]
                  format_int(int(r["cases"])), str(r["imported_at"])[:16]]  # type: ignore[call-overload]
                 for r in ctx.app.events.logs(args.service)])
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    matches = [r for r in ctx.app.events.logs() if str(r["uuid"]).startswith(args.id)]
    if len(matches) != 1:
        raise GovsvcError(f"رویدادنگار «{args.id}» یافت نشد" if not matches else
                          f"«{args.id}» با چند رویدادنگار می‌خواند")
    ctx.app.events.delete_log(str(matches[0]["uuid"]))
    print(f"رویدادنگار «{matches[0]['file_name']}» حذف شد")
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    cases, events = ctx.app.events.export_xes(args.service, Path(args.output),
                                              progress_printer("XES"))
    print(f"{args.output}: {format_int(cases)} پرونده، {format_int(events)} رویداد")
    return 0


def cmd_fill_time(args: argparse.Namespace, ctx: Context) -> int:
    value, unit = ctx.app.events.fill_service_time(args.service)
    print(f"زمان ارائهٔ خدمت {args.service}: {value} {unit}")
    return 0
