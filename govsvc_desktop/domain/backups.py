"""Which automatic backups to keep: the newest of each of the last days, then the newest of
each of the weeks before, so a mistake noticed late can still be undone from an older copy
without the backup folder growing for ever."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

AUTOMATIC_INTERVAL = dt.timedelta(days=1)


def to_keep(stamps: Sequence[dt.datetime], days: int, weeks: int) -> set[dt.datetime]:
    """The copies to keep among ``stamps``: the newest copy of each of the ``days`` most
    recent days that have one, and of each of the ``weeks`` most recent ISO weeks before them."""
    newest_per_day: dict[dt.date, dt.datetime] = {}
    for stamp in sorted(stamps, reverse=True):
        newest_per_day.setdefault(stamp.date(), stamp)
    ordered = sorted(newest_per_day.values(), reverse=True)
    days = max(days, 0)
    kept = set(ordered[:days])
    weeks_seen: set[tuple[int, int]] = set()
    for stamp in ordered[days:]:
        year, week, _ = stamp.isocalendar()
        if (year, week) in weeks_seen:
            continue
        if len(weeks_seen) >= weeks:
            break
        weeks_seen.add((year, week))
        kept.add(stamp)
    return kept


def automatic_due(last: dt.datetime | None, now: dt.datetime) -> bool:
    """An automatic copy is made at most once a day."""
    return last is None or now - last >= AUTOMATIC_INTERVAL or now < last


def is_old(last: dt.datetime | None, now: dt.datetime, warn_days: int) -> bool:
    """The status bar warns when the last copy is older than the set number of days."""
    return last is None or (now - last) > dt.timedelta(days=warn_days)
