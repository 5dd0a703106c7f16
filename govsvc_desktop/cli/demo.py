"""`govsvc-desktop demo`: fill a database with realistic Persian demo data."""

from __future__ import annotations

import argparse
import time

from govsvc_desktop.cli.context import Context, progress_printer
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.privacy import mask


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo")
    p.add_argument("--db", dest="demo_db", default=None, help="database to fill (same as the global --db)")
    p.add_argument("--services", type=int, default=300, help="how many passports")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.demo_db:
        ctx.db = args.demo_db
    start = time.perf_counter()
    n = demo.populate_all(ctx.app, args.services, args.seed, progress_printer("داده نمونه"))
    plans = ctx.app.plans.count()
    print(f"{n} شناسنامه و {plans} برنامه بهبود نمونه در {time.perf_counter() - start:.1f} ثانیه "
          f"ساخته شد: {mask(ctx.app.db)}")
    return 0
