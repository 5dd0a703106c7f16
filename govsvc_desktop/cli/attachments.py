"""`govsvc-desktop passports attach|attachments|attachment|rename-attachment|detach`: files
kept with a passport."""

from __future__ import annotations

import argparse
from pathlib import Path

from govsvc_desktop.cli.context import Context, print_json, print_table
from govsvc_desktop.config import atomic_write
from govsvc_desktop.domain.calendar import format_jalali_datetime
from govsvc_desktop.domain.passport.attachments import size_fa


def register_verbs(noun: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = noun.add_parser("attach", help="keep files with a passport (PDF, images, office documents)")
    p.add_argument("id", help="record UUID or service ID")
    p.add_argument("files", nargs="+")
    p.set_defaults(func=cmd_attach)
    p = noun.add_parser("attachments", help="the files kept with a passport")
    p.add_argument("id")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_list)
    p = noun.add_parser("attachment", help="write one attached file out (to open it)")
    p.add_argument("id")
    p.add_argument("name", help="the file's name or its attachment UUID")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_save)
    p = noun.add_parser("rename-attachment", help="give an attached file another name")
    p.add_argument("id")
    p.add_argument("name")
    p.add_argument("new_name")
    p.set_defaults(func=cmd_rename)
    p = noun.add_parser("detach", help="take a file off a passport (the history keeps it)")
    p.add_argument("id")
    p.add_argument("name")
    p.set_defaults(func=cmd_detach)


def _passport_uuid(ctx: Context, ref: str) -> str:
    return ctx.app.passports.resolve(ref).uuid


def cmd_attach(args: argparse.Namespace, ctx: Context) -> int:
    uuid = _passport_uuid(ctx, args.id)
    for name in args.files:
        a = ctx.app.attachments.add_file(uuid, Path(name))
        print(f"«{a.name}» ({a.kind_fa}، {size_fa(a.size)}) پیوست شد.")
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    found = ctx.app.attachments.list(_passport_uuid(ctx, args.id))
    if args.format == "json":
        print_json([{"uuid": a.uuid, "name": a.name, "sha256": a.sha256, "size": a.size,
                     "media_type": a.media_type, "added_by": a.added_by,
                     "created_at": a.created_at} for a in found])
        return 0
    print_table(["نام", "نوع", "اندازه", "افزوده", "به دست", "شناسه"],
                [[a.name, a.kind_fa, size_fa(a.size), format_jalali_datetime(a.created_at),
                  a.added_by, a.uuid[:8]] for a in found])
    return 0


def cmd_save(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.attachments
    a = service.find(_passport_uuid(ctx, args.id), args.name)
    atomic_write(Path(args.output), service.data(a))
    print(f"«{a.name}» در {args.output} نوشته شد.")
    return 0


def cmd_rename(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.attachments
    a = service.rename(service.find(_passport_uuid(ctx, args.id), args.name), args.new_name)
    print(f"نام پیوست «{args.name}» به «{a.name}» تغییر کرد.")
    return 0


def cmd_detach(args: argparse.Namespace, ctx: Context) -> int:
    service = ctx.app.attachments
    a = service.remove(service.find(_passport_uuid(ctx, args.id), args.name))
    print(f"«{a.name}» از شناسنامه برداشته شد.")
    return 0
