"""`govsvc-desktop deadlines VERB` (the seeds' deadlines: list, record an event, export as
iCalendar) and `govsvc-desktop reference VERB` (the official lists: versions, search, matching
the free text typed before them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govsvc_desktop.cli.context import Context, print_json, print_table
from govsvc_desktop.cli.filters import parse_choice
from govsvc_desktop.domain.agency.deadlines import EventKind
from govsvc_desktop.domain.calendar import format_jalali, parse_date
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.domain.reference import LIST_TITLES_FA, PICKED_FIELDS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    dl = sub.add_parser("deadlines").add_subparsers(dest="verb", metavar="VERB")
    p = dl.add_parser("list", help="the deadline calendar")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--open", action="store_true", help="only deadlines not yet met")
    p.set_defaults(func=cmd_list)
    p = dl.add_parser("record", help="record an event that starts or closes a deadline")
    p.add_argument("kind", help="event code or Persian label (see `deadlines events`)")
    p.add_argument("--date", required=True, help="Jalali (۱۴۰۳/۰۵/۰۱) or ISO date")
    p.add_argument("--note", default="")
    p.set_defaults(func=cmd_record)
    p = dl.add_parser("events", help="event kinds and the events recorded")
    p.set_defaults(func=cmd_events)
    p = dl.add_parser("export", help="the open deadlines as an iCalendar file for an office calendar")
    p.add_argument("-o", "--output", required=True, help="the .ics file")
    p.add_argument("--all", action="store_true", help="include deadlines already met")
    p.set_defaults(func=cmd_export)

    ref = sub.add_parser("reference").add_subparsers(dest="verb", metavar="VERB")
    p = ref.add_parser("show", help="the lists in force with their versions and sources")
    p.set_defaults(func=cmd_show)
    p = ref.add_parser("search", help="what a picker offers for a field (Persian-normalised)")
    p.add_argument("field", choices=sorted(PICKED_FIELDS))
    p.add_argument("query", nargs="?", default="")
    p.add_argument("--province", default="", help="for county: the province")
    p.add_argument("--domain", default="", help="for architecture_category: the domain")
    p.set_defaults(func=cmd_search)
    p = ref.add_parser("match", help="match existing free-text values to the lists and list those that match nothing")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_match)
    p = ref.add_parser("unmatched", help="values no list entry matches, with how many records carry them")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_unmatched)


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.deadlines
    today = service.today()
    items = [d for d in service.calendar(today) if not (args.open and d.done)]
    if args.format == "json":
        print_json({"date": today.isoformat(), "deadlines": [d.to_document(today) for d in items]})
        return 0
    print_table(["موعد", "وضعیت", "تکلیف", "مبنا", "رکورد"],
                [[format_jalali(d.due) if d.due else "—", d.state_fa(today), d.title_fa, d.seed_fa,
                  d.record_uuid[:8] if d.record_uuid else "—"] for d in items])
    return 1 if any(d.overdue(today) for d in items) else 0


def cmd_record(args: argparse.Namespace, ctx: Context) -> int:
    kind = parse_choice(EventKind, args.kind, "رویداد")
    try:
        day = parse_date(args.date)
    except ValueError:
        raise GovsvcError(f"«تاریخ» درست نیست: «{args.date}»") from None
    ctx.app.deadlines.record_event(kind, day, args.note)
    print(f"رویداد «{kind.label_fa}» در {format_jalali(day)} ثبت شد")
    return 0


def cmd_events(args: argparse.Namespace, ctx: Context) -> int:
    print_table(["کد", "رویداد"], [[k.value, k.label_fa] for k in EventKind])
    recorded = ctx.app.deadlines.events()
    if recorded:
        print()
        print_table(["تاریخ", "رویداد", "یادداشت"],
                    [[format_jalali(e.date), e.kind.label_fa, e.note] for e in recorded])
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    count = ctx.app.deadlines.export_ics(Path(args.output), include_done=args.all)
    print(f"{format_int(count)} موعد در {args.output} نوشته شد")
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    lists = ctx.app.reference.lists()
    print_table(["فهرست", "ویرایش", "اندازه", "منبع"],
                [[LIST_TITLES_FA[n], v, format_int(len({"divisions": lists.provinces, "agencies": lists.agencies,
                                                        "architecture": lists.domains}[n])),
                  lists.sources.get(n, "")[:80]] for n, v in sorted(lists.versions.items())])
    return 0


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    for value in ctx.app.reference.search(args.field, args.query, args.province, args.domain):
        print(value)
    return 0


def _print_unmatched(items: list, fmt: str) -> None:  # type: ignore[type-arg]
    from govsvc_desktop.domain.passport.labels import label_for_path

    if fmt == "json":
        print_json([{"field": u.field, "value": u.value, "records": u.records} for u in items])
        return
    if not items:
        print("همهٔ مقدارها با فهرست‌های رسمی می‌خوانند")
        return
    print_table(["فیلد", "مقدار", "رکورد"],
                [[label_for_path(u.field), u.value, format_int(u.records)] for u in items])


def cmd_match(args: argparse.Namespace, ctx: Context) -> int:
    report = ctx.app.reference.match_existing()
    if args.format == "table":
        print(f"{format_int(report.fixed)} رکورد به نگارش فهرست رسمی درآمد")
    _print_unmatched(report.unmatched, args.format)
    return 0


def cmd_unmatched(args: argparse.Namespace, ctx: Context) -> int:
    _print_unmatched(ctx.app.reference.unmatched(), args.format)
    return 0
