"""The text each drawn glyph gives back when the PDF is copied or extracted.

Extractors such as pdftotext rebuild logical order from the page: they split a glyph's
text into characters laid left to right, reverse right-to-left stretches, and class
characters as R (Arabic-script letters), L (Latin letters, digits and number punctuation
such as ``- / . %``) or neutral (spaces, brackets, quotes, dashes). So:

* a right-to-left glyph standing for several characters (lam-alef, a letter followed by
  ZWNJ, a letter with its vowel sign) stores them in visual order;
* invisible RLM/LRM marks are added where a run of the other direction meets the paragraph
  direction, so that neutrals and number signs stay on the side the bidi algorithm put them.

The rules follow what pdftotext (poppler 22.12) does; tests/reports checks them on real PDFs.
"""

from __future__ import annotations

import unicodedata

from govsvc_desktop.reports import bidi

RLM, LRM = "\u200f", "\u200e"
Glyph = tuple[int, int, int, int, int]
_WEAK_NUMBER = frozenset({"EN", "ES", "ET", "CS", "AN"})
_MIN_CHAR_EM = 0.105


def glyph_texts(text: str, start: int, end: int, glyphs: list[Glyph], rtl: bool) -> list[str]:
    """Text for each glyph of one shaped run (glyph id, cluster, advance, dx, dy); a
    cluster's characters go to its first glyph with width, the others stand for nothing."""
    starts = sorted({g[1] for g in glyphs})
    stops = dict(zip(starts, starts[1:] + [end], strict=True))
    out = [""] * len(glyphs)
    owners: dict[int, int] = {}
    seen: set[int] = set()
    for k, (_, cluster, *_) in enumerate(glyphs):
        if cluster in seen:
            continue
        seen.add(cluster)
        owner = next(
            (j for j in range(k, len(glyphs)) if glyphs[j][1] == cluster and glyphs[j][2] > 0), k
        )
        chars = text[start if cluster == starts[0] else cluster : stops[cluster]]
        out[owner] = chars[::-1] if rtl else chars
        owners[cluster] = owner
    return out


_KINDS: dict[str, str] = {}


def hidden_marks(text: str, start: int, end: int, glyphs: list[Glyph], out: list[str]) -> dict[int, str]:
    """Glyphs of one run that draw a mark (the tanwin of «رأساً») whose character already
    reads back with its base letter: glyph index → that mark. Such a glyph still needs a
    ToUnicode entry (an extractor that ignores ActualText would otherwise guess one, «Ú»),
    so it maps to its own mark and is drawn under an empty ActualText, which the extractors
    that honour it (poppler, MuPDF) read as nothing."""
    starts = sorted({g[1] for g in glyphs})
    stops = dict(zip(starts, starts[1:] + [end], strict=True))
    found: dict[int, str] = {}
    for k, (_, cluster, advance, *_) in enumerate(glyphs):
        if out[k] or advance:
            continue
        chars = text[start if cluster == starts[0] else cluster : stops[cluster]]
        marks = [ch for ch in chars if unicodedata.category(ch) in ("Mn", "Me")]
        if marks:
            found[k] = marks[len([j for j in found if glyphs[j][1] == cluster]) % len(marks)]
    return found


def _kind(chunk: str) -> str:
    """R, L (letters, digits, number punctuation), N (other visible) or S (blank)."""
    found = _KINDS.get(chunk)
    if found is None:
        found = _KINDS[chunk] = _find_kind(chunk) if len(_KINDS) < 65536 else _find_kind(chunk)
    return found


def _find_kind(chunk: str) -> str:
    if not chunk.strip():
        return "S"
    kinds = set(bidi.classes(chunk))
    if kinds & {"R", "AL"}:
        return "R"
    if kinds & _WEAK_NUMBER or "L" in kinds:
        return "L"
    return "N"


def _targets(
    texts: list[str], kinds: list[str], rtl: list[bool], base: int
) -> list[tuple[int, int, str, bool]]:
    """Marks as (glyph, -1 before / +1 after, mark, needed for line reading rather than
    only for reading word by word as ``pdftotext -raw`` does)."""
    shown = [k for k, kind in enumerate(kinds) if kind in ("R", "L", "N")]
    runs: list[list[int]] = []
    for k in shown:
        if runs and all(rtl[j] == rtl[k] for j in range(runs[-1][-1], k)):
            runs[-1].append(k)
        else:
            runs.append([k])
    out: list[tuple[int, int, str, bool]] = []
    for n, run in enumerate(runs):
        first, last = run[0], run[-1]
        if rtl[first] == (base == 1):
            continue
        if base == 1:
            if n > 0:
                out.append((first, -1, RLM, True))
            if kinds[last] == "N":
                out.append((last, 1, LRM, True))
        else:
            if n + 1 < len(runs):
                out.append((last, 1, LRM, True))
            if kinds[first] != "R":
                out.append((first, -1, RLM, True))
    if base == 0:
        if shown and not rtl[shown[-1]] and kinds[shown[-1]] == "N":
            out.append((shown[-1], 1, LRM, True))
        return out
    left = ""
    for k, kind in enumerate(kinds):
        lead = _kind(texts[k][0]) if kind == "R" else kind
        if rtl[k] and (lead == "N" or (lead == "L" and left)) and left != "R":
            out.append((k, -1, RLM, lead == "L"))
        left = kind or left
    return out


def add_marks(texts: list[str], rtl: list[bool], advances: list[float], base: int) -> None:
    """Add RLM/LRM to the glyph texts of one line, in visual order. Extractors spread a
    glyph's characters evenly over its advance (``advances``, in em) and cut a word where
    two characters start less than a tenth of an em apart, so a mark goes on whichever
    neighbour of the direction change keeps that spacing; a mark only word-by-word reading
    needs is dropped when neither does."""
    before: dict[int, str] = {}
    after: dict[int, str] = {}
    extra = [0] * len(texts)

    def fits(k: int) -> bool:
        if not (0 <= k < len(texts) and texts[k].strip()):
            return False
        return advances[k] / (len(texts[k]) + extra[k] + 1) >= _MIN_CHAR_EM

    kinds = [_kind(t) if t else "" for t in texts]
    for k, side, mark, needed in _targets(texts, kinds, rtl, base):
        here, there = (before, after) if side < 0 else (after, before)
        j = k + side
        if here.get(k) == mark or (0 <= j < len(texts) and there.get(j) == mark):
            continue
        if fits(k) or (needed and not fits(j)):
            here[k] = mark
            extra[k] += 1
        elif fits(j):
            there[j] = mark
            extra[j] += 1
    for k, mark in before.items():
        texts[k] = mark + texts[k]
    for k, mark in after.items():
        texts[k] += mark
