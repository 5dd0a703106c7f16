"""`govsvc-desktop licences|proposals|cycle|chains|lists VERB`: the agency's obligations —
licence mapping, services proposed without an ID, the nine-step cycle with the
representative's reports and lessons, inter-agency chains, and the published service lists."""

from __future__ import annotations

import argparse
from pathlib import Path

from govsvc_desktop.cli.context import Context, print_json, print_table
from govsvc_desktop.cli.filters import iso_date, parse_choice
from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.agency.cycle import (
    ChainLink,
    CycleStepKey,
    LessonLearned,
    RepresentativeReport,
    ServiceChain,
    StepEvidence,
    StepStatus,
)
from govsvc_desktop.domain.agency.licences import LicenceEntry
from govsvc_desktop.domain.agency.proposals import DeliveryMode, ProposalStatus, ServiceProposal
from govsvc_desktop.domain.calendar import format_jalali
from govsvc_desktop.domain.codec import to_dict
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.persian import format_int
from govsvc_desktop.services.agency import (
    CHAINS,
    LESSONS,
    LICENCES,
    PROPOSALS,
    REPORTS,
    STEPS,
    normalise_service_id,
)


def _fmt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "json"), default="table")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lic = sub.add_parser("licences").add_subparsers(dest="verb", metavar="VERB")
    p = lic.add_parser("list", help="the licence list with the service each maps to")
    _fmt(p)
    p.set_defaults(func=cmd_licences)
    p = lic.add_parser("import", help="read the portal's licence list (CSV or XLSX; all or nothing)")
    p.add_argument("file")
    p.set_defaults(func=cmd_licence_import)
    p = lic.add_parser("add", help="add one licence")
    p.add_argument("--code", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--issuer", default="")
    p.add_argument("--service", default="", help="service ID it maps to")
    p.set_defaults(func=cmd_licence_add)
    p = lic.add_parser("map", help="map a licence to exactly one service ID")
    p.add_argument("code")
    p.add_argument("service_id")
    p.set_defaults(func=cmd_licence_map)
    p = lic.add_parser("unmap", help="remove a licence's mapping")
    p.add_argument("code")
    p.set_defaults(func=lambda a, c: cmd_licence_map(argparse.Namespace(code=a.code, service_id=""), c))
    p = lic.add_parser("check", help="licences without a service, mapped twice, and services that should carry one")
    _fmt(p)
    p.set_defaults(func=cmd_licence_check)

    pro = sub.add_parser("proposals").add_subparsers(dest="verb", metavar="VERB")
    p = pro.add_parser("list", help="proposals with their status and issued ID")
    _fmt(p)
    p.set_defaults(func=cmd_proposals)
    p = pro.add_parser("add", help="record a service without an ID")
    p.add_argument("--title", required=True)
    p.add_argument("--province", required=True)
    p.add_argument("--county", default="")
    p.add_argument("--unit", default="")
    p.add_argument("--delivery", default="in_person", help="electronic, in_person or both")
    p.add_argument("--process", default="")
    p.add_argument("--legal-basis", default="")
    p.set_defaults(func=cmd_proposal_add)
    p = pro.add_parser("set-status", help="proposed, under_review or rejected (with --date)")
    p.add_argument("id")
    p.add_argument("status")
    p.add_argument("--date", default="", help="Jalali date proposed (default today)")
    p.add_argument("--comment", default="")
    p.set_defaults(func=cmd_proposal_status)
    p = pro.add_parser("issue", help="record the service ID the centre issued")
    p.add_argument("id")
    p.add_argument("service_id")
    p.set_defaults(func=cmd_proposal_issue)

    cyc = sub.add_parser("cycle").add_subparsers(dest="verb", metavar="VERB")
    p = cyc.add_parser("show", help="each step's status, deadline, approval and evidence; what is overdue")
    _fmt(p)
    p.set_defaults(func=cmd_cycle_show)
    p = cyc.add_parser("set", help="update one step")
    p.add_argument("step", help="1 to 9")
    p.add_argument("--status", default=None)
    p.add_argument("--deadline", default=None, help="Jalali date")
    p.add_argument("--approved-on", default=None, help="Jalali date of the validation approval")
    p.add_argument("--approval-ref", default=None)
    p.add_argument("--responsible", default=None)
    p.add_argument("--evidence", action="append", default=[], help="title of an evidence document (repeat)")
    p.add_argument("--note", default=None)
    p.set_defaults(func=cmd_cycle_set)
    p = cyc.add_parser("report", help="record the representative's periodic report (Art. 19)")
    p.add_argument("--period", required=True)
    p.add_argument("--representative", required=True)
    p.add_argument("--date", default="")
    p.add_argument("--progress", required=True)
    p.add_argument("--challenges", default="")
    p.add_argument("--risks", default="")
    p.add_argument("--remedies", default="")
    p.set_defaults(func=cmd_cycle_report)
    p = cyc.add_parser("lesson", help="record a lesson learned (Art. 17)")
    p.add_argument("--title", required=True)
    p.add_argument("--lesson", required=True)
    p.add_argument("--step", default=None)
    p.add_argument("--context", default="")
    p.add_argument("--date", default="")
    p.set_defaults(func=cmd_cycle_lesson)
    p = cyc.add_parser("pdf", help="the cycle report as PDF")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_cycle_pdf)

    ch = sub.add_parser("chains").add_subparsers(dest="verb", metavar="VERB")
    p = ch.add_parser("list", help="chains with their ordered links")
    _fmt(p)
    p.set_defaults(func=cmd_chains)
    p = ch.add_parser("add", help="record a chain: --link 'agency|service ID|service title' in order")
    p.add_argument("--title", required=True)
    p.add_argument("--final-service", default="")
    p.add_argument("--link", action="append", default=[], required=True)
    p.set_defaults(func=cmd_chain_add)

    li = sub.add_parser("lists").add_subparsers(dest="verb", metavar="VERB")
    for verb, helptext in (("pdf", "as PDF, ready to publish"), ("excel", "as an Excel workbook")):
        p = li.add_parser(verb, help=helptext)
        p.add_argument("-o", "--output", required=True)
        p.add_argument("--all", action="store_true", help="include services whose passport is not approved and valid")
        p.set_defaults(func=cmd_lists, kind=verb)
    p = li.add_parser("show", help="the lists on the terminal")
    p.add_argument("--all", action="store_true")
    _fmt(p)
    p.set_defaults(func=cmd_lists_show)


def _find(ctx: Context, book, ref: str):  # type: ignore[no-untyped-def]
    found = [r for r in ctx.app.agency.find(book) if r.uuid == ref or r.uuid.startswith(ref)]
    if len(found) != 1:
        raise GovsvcError(f"{book.label_fa} «{ref}» یافت نشد" if not found else
                          f"«{ref}» با چند {book.label_fa} می‌خواند؛ شناسهٔ کامل‌تری بدهید")
    return found[0]


def cmd_licences(args: argparse.Namespace, ctx: Context) -> int:
    items = ctx.app.agency.find(LICENCES)
    if args.format == "json":
        print_json([to_dict(e) for e in items])
        return 0
    print_table(["کد مجوز", "عنوان", "مرجع صدور", "شناسهٔ خدمت"],
                [[e.code, e.title, e.issuer, e.service_id or "—"] for e in items])
    return 0


def cmd_licence_import(args: argparse.Namespace, ctx: Context) -> int:
    added, updated, unchanged = ctx.app.agency.import_licence_file(Path(args.file))
    print(f"فهرست مجوزها وارد شد: {format_int(added)} تازه، {format_int(updated)} به‌روز، "
          f"{format_int(unchanged)} بی‌تغییر")
    return 0


def cmd_licence_add(args: argparse.Namespace, ctx: Context) -> int:
    entry = LicenceEntry(code=args.code.strip(), title=args.title.strip(), issuer=args.issuer,
                         service_id=normalise_service_id(args.service))
    saved = ctx.app.agency.save(LICENCES, entry)
    print(saved.uuid)
    return 0


def cmd_licence_map(args: argparse.Namespace, ctx: Context) -> int:
    entry = ctx.app.agency.map_licence(args.code, args.service_id)
    print(f"مجوز {entry.code} → {entry.service_id or 'بدون نگاشت'}")
    return 0


def cmd_licence_check(args: argparse.Namespace, ctx: Context) -> int:
    issues = ctx.app.agency.licence_issues()
    if args.format == "json":
        print_json([{"finding": i.finding.value, "label": i.finding.label_fa, "code": i.code,
                     "title": i.title, "detail": i.detail_fa, "record_type": i.record_type,
                     "uuid": i.record_uuid} for i in issues])
    else:
        print_table(["یافته", "کد", "عنوان", "شرح"],
                    [[i.finding.label_fa, i.code, i.title, i.detail_fa] for i in issues])
        print(f"{format_int(len(issues))} مورد")
    return 1 if issues else 0


def cmd_proposals(args: argparse.Namespace, ctx: Context) -> int:
    items = ctx.app.agency.find(PROPOSALS)
    if args.format == "json":
        print_json([to_dict(p) for p in items])
        return 0
    print_table(["شناسه", "عنوان", "استان", "وضعیت", "تاریخ پیشنهاد", "شناسهٔ صادرشده"],
                [[p.uuid[:8], p.title, p.province, p.status.label_fa, format_jalali(p.proposed_on),
                  p.issued_service_id or "—"] for p in items])
    return 0


def cmd_proposal_add(args: argparse.Namespace, ctx: Context) -> int:
    proposal = ServiceProposal(
        title=args.title, province=args.province, county=args.county, unit=args.unit,
        delivery=parse_choice(DeliveryMode, args.delivery, "روش ارائه"), process=args.process,
        legal_basis=args.legal_basis)
    print(ctx.app.agency.save(PROPOSALS, proposal).uuid)
    return 0


def cmd_proposal_status(args: argparse.Namespace, ctx: Context) -> int:
    proposal = _find(ctx, PROPOSALS, args.id)
    status = parse_choice(ProposalStatus, args.status, "وضعیت")
    if status is ProposalStatus.ISSUED:
        raise GovsvcError("برای ثبت شناسهٔ صادرشده از «proposals issue» استفاده کنید")
    proposal.status = status
    if status is not ProposalStatus.DRAFT and not proposal.proposed_on:
        proposal.proposed_on = iso_date(args.date) if args.date else ctx.app.agency.today().isoformat()
    if args.comment:
        proposal.centre_comment = args.comment
    saved = ctx.app.agency.save(PROPOSALS, proposal)
    print(f"«{saved.title}»: {saved.status.label_fa}")
    return 0


def cmd_proposal_issue(args: argparse.Namespace, ctx: Context) -> int:
    proposal = _find(ctx, PROPOSALS, args.id)
    saved = ctx.app.agency.issue_service_id(proposal.uuid, args.service_id)
    print(f"«{saved.title}»: شناسهٔ خدمت {saved.issued_service_id}")
    return 0


def cmd_cycle_show(args: argparse.Namespace, ctx: Context) -> int:
    steps = ctx.app.agency.steps()
    today = ctx.app.agency.today()
    if args.format == "json":
        print_json([{**to_dict(s), "title": s.step.label_fa, "overdue": s.is_overdue(today)}
                    for s in steps])
        return 0
    print_table(["گام", "عنوان", "وضعیت", "موعد", "تأییدیه", "شواهد"],
                [[s.step.value, s.step.label_fa,
                  s.status.label_fa + (" (از موعد گذشته)" if s.is_overdue(today) else ""),
                  format_jalali(s.deadline), format_jalali(s.approval_date),
                  format_int(len(s.evidence))] for s in steps])
    return 0


def cmd_cycle_set(args: argparse.Namespace, ctx: Context) -> int:
    step = ctx.app.agency.step(args.step)
    if args.status is not None:
        step.status = parse_choice(StepStatus, args.status, "وضعیت گام")
    if args.deadline is not None:
        step.deadline = iso_date(args.deadline) if args.deadline else None
    if args.approved_on is not None:
        step.approval_date = iso_date(args.approved_on) if args.approved_on else None
    for name in ("approval_ref", "responsible", "note"):
        value = getattr(args, name)
        if value is not None:
            setattr(step, "approval_reference" if name == "approval_ref" else name, value)
    step.evidence += [StepEvidence(title=t) for t in args.evidence]
    saved = ctx.app.agency.save(STEPS, step)
    print(f"گام {saved.step.value}: {saved.status.label_fa}")
    return 0


def cmd_cycle_report(args: argparse.Namespace, ctx: Context) -> int:
    report = RepresentativeReport(
        period=args.period, representative=args.representative,
        reported_on=iso_date(args.date) if args.date else ctx.app.agency.today().isoformat(),
        progress=args.progress, challenges=args.challenges, risks=args.risks, remedies=args.remedies)
    print(ctx.app.agency.save(REPORTS, report).uuid)
    return 0


def cmd_cycle_lesson(args: argparse.Namespace, ctx: Context) -> int:
    lesson = LessonLearned(
        title=args.title, lesson=args.lesson, context=args.context,
        step=parse_choice(CycleStepKey, args.step, "گام") if args.step else None,
        recorded_on=iso_date(args.date) if args.date else ctx.app.agency.today().isoformat())
    print(ctx.app.agency.save(LESSONS, lesson).uuid)
    return 0


def cmd_cycle_pdf(args: argparse.Namespace, ctx: Context) -> int:
    data = ctx.app.agency.cycle_pdf(ctx.app.settings.agency_name)
    atomic_write(Path(args.output), data)
    print(args.output)
    return 0


def cmd_chains(args: argparse.Namespace, ctx: Context) -> int:
    chains = ctx.app.agency.find(CHAINS)
    if args.format == "json":
        print_json([to_dict(c) for c in chains])
        return 0
    for c in chains:
        print(f"{c.title} ({c.uuid[:8]}) → {c.final_service or '—'}")
        for i, link in enumerate(c.links, start=1):
            print(f"  {format_int(i)}. {link.agency}: {link.service_id or '—'} {link.service_title}")
    return 0


def cmd_chain_add(args: argparse.Namespace, ctx: Context) -> int:
    links = []
    for text in args.link:
        parts = [s.strip() for s in text.split("|")] + ["", ""]
        links.append(ChainLink(agency=parts[0], service_id=normalise_service_id(parts[1]),
                               service_title=parts[2]))
    chain = ServiceChain(title=args.title, final_service=args.final_service, links=links)
    print(ctx.app.agency.save(CHAINS, chain).uuid)
    return 0


def cmd_lists(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.lists
    write = service.write_pdf if args.kind == "pdf" else service.write_excel
    lists = write(Path(args.output), not args.all)
    c = lists.counts
    print(f"{args.output}: {format_int(c['electronic'])} الکترونیکی، "
          f"{format_int(c['non_electronic'])} الکترونیکی‌نشده، {format_int(c['delegated'])} واگذارشده "
          "به پیشخوان")
    return 0


def cmd_lists_show(args: argparse.Namespace, ctx: Context) -> int:
    lists = ctx.app.lists.lists(not args.all)
    if args.format == "json":
        print_json({name: [to_dict(i) for i in getattr(lists, name)]
                    for name in ("electronic", "non_electronic", "delegated")})
        return 0
    for name, label in (("electronic", "خدمات الکترونیکی"), ("non_electronic", "خدمات الکترونیکی‌نشده"),
                        ("delegated", "واگذارشده به پیشخوان")):
        items = getattr(lists, name)
        print(f"# {label} ({format_int(len(items))})")
        print_table(["شناسه", "عنوان", "شرح", "تاریخ"],
                    [[i.service_id or "—", i.title, i.detail, format_jalali(i.date)] for i in items])
    return 0
