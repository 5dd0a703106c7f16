"""Filter options shared by every command that selects passports."""

from __future__ import annotations

import argparse

from govsvc_desktop.domain.calendar import parse_date
from govsvc_desktop.domain.choices import Nature, RecordKind, Status
from govsvc_desktop.domain.errors import GovsvcError
from govsvc_desktop.domain.passport.queries import PassportFilter


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", default="", help="full-text search (any spelling of Persian)")
    parser.add_argument("--status", action="append", default=[],
                        help="status code or Persian label; repeat for several")
    parser.add_argument("--province", default="")
    parser.add_argument("--agency", default="")
    parser.add_argument("--nature", default=None)
    parser.add_argument("--kind", default=None, help="service or task")
    parser.add_argument("--electronic", choices=("yes", "no"), default=None)
    parser.add_argument("--uuid", action="append", default=[], help="select by record UUID")


def iso_date(text: str) -> str:
    """A date typed as Jalali (or ISO) → ISO; a Persian error otherwise."""
    try:
        return parse_date(text).isoformat()
    except ValueError:
        raise GovsvcError(f"تاریخ «{text}» معتبر نیست؛ مانند ۱۴۰۴/۰۵/۰۱ بنویسید") from None


def parse_choice(kind: type, text: str, label: str):  # type: ignore[no-untyped-def]
    """A choice given by code or Persian label; a Persian error listing what is allowed."""
    try:
        return kind.parse(text)
    except ValueError:
        allowed = "، ".join(f"{m.value} ({m.label_fa})" for m in kind)
        raise GovsvcError(f"{label} «{text}» شناخته نشد؛ یکی از این‌ها: {allowed}") from None


def filter_from_args(args: argparse.Namespace) -> PassportFilter:
    return PassportFilter(
        search=args.search,
        statuses=tuple(parse_choice(Status, s, "وضعیت") for s in args.status),
        province=args.province,
        agency=args.agency,
        nature=parse_choice(Nature, args.nature, "ماهیت") if args.nature else None,
        kind=parse_choice(RecordKind, args.kind, "نوع رکورد") if args.kind else None,
        electronic=None if args.electronic is None else args.electronic == "yes",
        uuids=tuple(args.uuid),
    )
