"""`govsvc-desktop gui`: open the main window."""

from __future__ import annotations

import argparse

from govsvc_desktop.cli.context import Context


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("gui")
    p.add_argument("--no-demo", action="store_true", help="do not fill an empty database with demo data")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from govsvc_desktop.ui.app import run_gui

    return run_gui(ctx.db, demo_on_first_start=not args.no_demo)
