"""`govsvc-desktop settings VERB`: the person's name, roles and agency in local mode."""

from __future__ import annotations

import argparse
import dataclasses

from govsvc_desktop import config
from govsvc_desktop.cli.context import Context, print_table
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.errors import GovsvcError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("settings").add_subparsers(
        dest="verb", metavar="VERB")
    noun.add_parser("show", help="the settings in force").set_defaults(func=cmd_show)
    p = noun.add_parser("set", help="change name, roles (local mode) or agency")
    p.add_argument("--name", help="the name the audit records")
    p.add_argument("--role", action="append", help="preparer, reviewer, head, admin (repeat); replaces the roles")
    p.add_argument("--agency", help="agency name for new passports")
    p.add_argument("--province", help="province for new passports")
    p.set_defaults(func=cmd_set)


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    s = config.load_settings()
    actor = s.actor()
    print_table(("تنظیم", "مقدار"), [
        ("نام", actor.name),
        ("نقش‌ها (حالت محلی)", "، ".join(Role(r).label_fa for r in s.roles) or "هیچ"),
        ("دستگاه", s.agency_name), ("استان", s.province)])
    return 0


def cmd_set(args: argparse.Namespace, ctx: Context) -> int:
    s = config.load_settings()
    changes: dict[str, object] = {}
    if args.name is not None:
        changes["user_name"] = args.name.strip()
    if args.role:
        try:
            changes["roles"] = list(dict.fromkeys(Role.parse(r).value for r in args.role))
        except ValueError as exc:
            allowed = "، ".join(f"{r.value} ({r.label_fa})" for r in Role)
            raise GovsvcError(f"نقش «{exc}» شناخته نشد؛ یکی از این‌ها: {allowed}") from None
    if args.agency is not None:
        changes["agency_name"] = args.agency
    if args.province is not None:
        changes["province"] = args.province
    config.save_settings(dataclasses.replace(s, **changes))  # type: ignore[arg-type]
    print("تنظیمات ذخیره شد. در حالت مشترک (PostgreSQL) نقش‌ها را سرور تعیین می‌کند.")
    return 0
