"""`govsvc-desktop users VERB`: people and roles of a shared (PostgreSQL) office database."""

from __future__ import annotations

import argparse
import getpass
import os

from govsvc_desktop.cli.context import Context, print_table
from govsvc_desktop.domain.choices import Role
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.services.users import UserService


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    noun = sub.add_parser("users").add_subparsers(dest="verb", metavar="VERB")
    p = noun.add_parser("add", help="create a login for a person")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="display name recorded in the audit")
    p.add_argument("--role", action="append", required=True, help="preparer, reviewer, head, admin (repeat)")
    p.add_argument("--password-env", help="read the password from this environment variable")
    p.set_defaults(func=cmd_add)
    noun.add_parser("list", help="everyone with an application role").set_defaults(func=cmd_list)
    p = noun.add_parser("set-roles", help="replace a person's roles")
    p.add_argument("username")
    p.add_argument("--role", action="append", default=[])
    p.set_defaults(func=cmd_set_roles)
    for verb, enabled in (("disable", False), ("enable", True)):
        p = noun.add_parser(verb, help=f"{verb} a login")
        p.add_argument("username")
        p.set_defaults(func=cmd_enable, enabled=enabled)


def _roles(values: list[str]) -> frozenset[Role]:
    try:
        return frozenset(Role.parse(v) for v in values)
    except ValueError as exc:
        allowed = "، ".join(f"{r.value} ({r.label_fa})" for r in Role)
        raise GovsvcError(f"نقش «{exc}» شناخته نشد؛ یکی از این‌ها: {allowed}") from None


def _service(ctx: Context) -> UserService:
    return ctx.app.users


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    password = os.environ.get(args.password_env, "") if args.password_env else getpass.getpass("گذرواژه: ")
    user = _service(ctx).add(args.username, args.name, _roles(args.role), password)
    print(f"کاربر «{user.display_name}» ({user.username}) ساخته شد.")
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    print_table(("نام کاربری", "نام", "نقش‌ها", "فعال"),
                [(u.username, u.display_name, "، ".join(r.label_fa for r in Role if r in u.roles),
                  "بله" if u.enabled else "خیر") for u in _service(ctx).list()])
    return 0


def cmd_set_roles(args: argparse.Namespace, ctx: Context) -> int:
    _service(ctx).set_roles(args.username, _roles(args.role))
    print("نقش‌ها به‌روز شد.")
    return 0


def cmd_enable(args: argparse.Namespace, ctx: Context) -> int:
    _service(ctx).set_enabled(args.username, args.enabled)
    print("انجام شد.")
    return 0
