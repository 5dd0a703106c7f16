"""The one rule for records coming in from a file or a bundle: new, unchanged, an update, or a
conflict that is never overwritten silently."""

from __future__ import annotations

from dataclasses import dataclass, replace

from govsvc_desktop.domain.diff import import_outcome


@dataclass
class Record:
    uuid: str = "r1"
    text: str = "نسخهٔ نخست"
    revision: int = 1
    updated_at: str = "2026-11-01T08:00:00+00:00"


HERE = Record(revision=2, updated_at="2026-11-02T08:00:00+00:00")


def test_new_and_unchanged_records() -> None:
    assert import_outcome(None, Record())[0] == "create"
    assert import_outcome(HERE, replace(HERE, revision=7))[0] == "unchanged"


def test_without_history_the_newer_revision_then_the_later_time_wins() -> None:
    newer = replace(HERE, text="دیگر", revision=3, updated_at="2026-11-03T08:00:00+00:00")
    assert import_outcome(HERE, newer)[0] == "update"
    assert import_outcome(HERE, replace(newer, revision=1))[0] == "conflict"
    assert import_outcome(HERE, replace(newer, revision=2, updated_at="2026-11-01T00:00:00+00:00"))[0] == "conflict"


def test_with_history_an_edit_here_since_the_last_exchange_is_a_conflict() -> None:
    incoming = replace(HERE, text="از دفتر دیگر", revision=9, updated_at="2026-11-09T08:00:00+00:00")
    assert import_outcome(HERE, incoming, base=2)[0] == "update"  # untouched here since
    outcome, diff = import_outcome(HERE, incoming, base=1)  # edited here after it came
    assert outcome == "conflict" and [path for path, _, _ in diff] == ["text"]
    older = replace(incoming, updated_at="2026-10-01T08:00:00+00:00")
    assert import_outcome(HERE, older, base=2)[0] == "conflict"  # a stale copy
