"""Unicode Bidirectional Algorithm (UAX #9): embedding levels and visual runs.

Kept here instead of using python-bidi because its reference implementation drops BN
characters such as ZWNJ (rule X9) and predates isolates and bracket pairs (N0), while its
Rust binding exposes no levels. Levels are returned for every original index, so callers can
shape and map text back without losing a character.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bidi.mirror import MIRRORED

MAX_DEPTH = 125
_REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
_ISOLATES = frozenset({"LRI", "RLI", "FSI"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})
_STRONG = {"L": "L", "R": "R", "AL": "R"}
_NUMERIC = frozenset({"L", "R", "EN", "AN"})
_OPENING = {
    o: c
    for o, c in MIRRORED.items()
    if unicodedata.category(o) == "Ps" and unicodedata.category(c) == "Pe"
}
_CLOSING = {c: o for o, c in _OPENING.items()}
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}


_CLASS: dict[str, str] = {}
_SIMPLE_CLASSES = frozenset({"R", "AL", "NSM", "BN"})


def _class(ch: str) -> str:
    found = _CLASS.get(ch)
    if found is None:
        found = _CLASS[ch] = unicodedata.bidirectional(ch) or "L"
    return found


def classes(text: str) -> list[str]:
    """Bidi class of each character (unassigned code points count as L)."""
    get = _CLASS.get
    return [get(ch) or _class(ch) for ch in text]


_NOT_RTL_ONLY = frozenset({"L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI",
                           "PDI", "B", "S"})


def simple_rtl(text: str) -> bool:
    """Right-to-left letters, marks, joiners and plain spaces only (the common case of
    Persian prose)."""
    get = _CLASS.get
    return all(ch == " " or (get(ch) or _class(ch)) in _SIMPLE_CLASSES for ch in text)


_NOT_LTR_FREE = _NOT_RTL_ONLY - {"EN", "AN"}
_STRONG_CLASSES = frozenset({"R", "AL", "L"})


def ltr_free(text: str) -> bool:
    """No left-to-right letter and no explicit control (numbers allowed): in a right-to-left
    paragraph such text resolves word by word, every neutral to the paragraph's direction, so
    a word's levels depend only on the word and on the last strong letter before it."""
    get = _CLASS.get
    return not any((get(ch) or _class(ch)) in _NOT_LTR_FREE for ch in text)


_EXPLICIT = frozenset({"LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "B", "S"})
_LTR_OR_NUMBER = frozenset({"L", "EN", "AN"})
_SIGNIFICANT = frozenset({"L", "R", "AL", "EN", "AN"})


def words_resolve_alone(text: str) -> bool:
    """True when every space-separated word of a right-to-left paragraph resolves as it would
    on its own (``word_levels``): no explicit control, and no two neighbouring words (words of
    neutrals only do not count) that both hold Latin letters or digits with Latin among them;
    only such a pair makes the neutrals between them left-to-right (rule N1)."""
    get = _CLASS.get
    before: set[str] | None = None
    for word in text.split(" "):
        kinds = {get(ch) or _class(ch) for ch in word}
        if kinds & _EXPLICIT:
            return False
        if not kinds & _SIGNIFICANT:
            continue
        if before is not None and ("L" in kinds or "L" in before) and kinds & _LTR_OR_NUMBER \
                and before & _LTR_OR_NUMBER:
            return False
        before = kinds
    return True


def last_strong(text: str, before: str = "") -> str:
    """The class (R, AL or L) of the last strong character of ``text``, else ``before``."""
    get = _CLASS.get
    for ch in reversed(text):
        cls = get(ch) or _class(ch)
        if cls in _STRONG_CLASSES:
            return cls
    return before


def word_levels(word: str, after_al: bool) -> list[int]:
    """Levels of one word of a left-to-right-free right-to-left paragraph, given whether the
    last strong letter before it is Arabic-script (which turns its digits into AN, rule W2)."""
    if not word:
        return []
    prefix = "\u0627 " if after_al else ""
    return resolve_levels(prefix + word + " \u0627", 1)[len(prefix):len(prefix) + len(word)]


def rtl_only(text: str) -> bool:
    """Nothing left-to-right, no number, no explicit control: in a right-to-left paragraph
    every character of such a text resolves to level 1 (neutrals between right-to-left
    letters, or at the paragraph's ends, take its direction)."""
    get = _CLASS.get
    return not any((get(ch) or _class(ch)) in _NOT_RTL_ONLY for ch in text)


def _matching_pdi(cls: Sequence[str]) -> dict[int, int]:
    match: dict[int, int] = {}
    stack: list[int] = []
    for i, t in enumerate(cls):
        if t in _ISOLATES:
            stack.append(i)
        elif t == "PDI" and stack:
            match[stack.pop()] = i
        elif t == "B":
            stack.clear()
    return match


def _first_strong(cls: Sequence[str], start: int, end: int, match: dict[int, int]) -> str | None:
    i = start
    while i < end:
        t = cls[i]
        if t in _STRONG:
            return _STRONG[t]
        if t in _ISOLATES:
            i = match.get(i, end)
        i += 1
    return None


def base_level(text: str, direction: str) -> int:
    """Paragraph level: 1 for "rtl", 0 for "ltr"; "auto" uses the first strong
    character (rules P2-P3) and falls back to right-to-left, the house default."""
    if direction == "rtl":
        return 1
    if direction == "ltr":
        return 0
    cls = classes(text)
    return 0 if _first_strong(cls, 0, len(cls), _matching_pdi(cls)) == "L" else 1


def _explicit(cls: list[str], base: int, match: dict[int, int]) -> tuple[list[str], list[int]]:
    """Rules X1-X8: explicit embeddings, overrides and isolates."""
    types = list(cls)
    levels = [base] * len(cls)
    stack: list[tuple[int, str, bool]] = [(base, "", False)]
    over_iso = over_emb = valid_iso = 0
    for i, t in enumerate(cls):
        lvl, ovr, _ = stack[-1]
        if t in ("RLE", "LRE", "RLO", "LRO") or t in _ISOLATES:
            isolate = t in _ISOLATES
            levels[i] = lvl
            if isolate and ovr:
                types[i] = ovr
            if t == "FSI":
                rtl = _first_strong(cls, i + 1, match.get(i, len(cls)), match) == "R"
            else:
                rtl = t[0] == "R"
            new = (lvl + 1) | 1 if rtl else (lvl + 2) & ~1
            if new <= MAX_DEPTH and over_iso == 0 and over_emb == 0:
                valid_iso += isolate
                stack.append((new, {"RLO": "R", "LRO": "L"}.get(t, ""), isolate))
            elif isolate:
                over_iso += 1
            elif over_iso == 0:
                over_emb += 1
        elif t == "PDI":
            if over_iso:
                over_iso -= 1
            elif valid_iso:
                over_emb = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_iso -= 1
            lvl, ovr, _ = stack[-1]
            levels[i] = lvl
            if ovr:
                types[i] = ovr
        elif t == "PDF":
            if not over_iso:
                if over_emb:
                    over_emb -= 1
                elif not stack[-1][2] and len(stack) > 1:
                    stack.pop()
            levels[i] = lvl
        elif t == "B":
            levels[i] = base
        else:
            levels[i] = lvl
            if ovr and t != "BN":
                types[i] = ovr
    return types, levels


def _sequences(cls: list[str], levels: list[int], match: dict[int, int]) -> list[list[int]]:
    """Rule X10 / BD13: isolating run sequences of the characters X9 keeps."""
    runs: list[list[int]] = []
    for i, t in enumerate(cls):
        if t in _REMOVED:
            continue
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    run_at = {r[0]: r for r in runs}
    matched_pdis = set(match.values())
    seqs = []
    for run in runs:
        if cls[run[0]] == "PDI" and run[0] in matched_pdis:
            continue
        seq = list(run)
        while cls[seq[-1]] in _ISOLATES and match.get(seq[-1]) in run_at:
            seq.extend(run_at[match[seq[-1]]])
        seqs.append(seq)
    return seqs


def _weak(t: list[str], sos: str) -> None:
    """Rules W1-W7 on one isolating run sequence."""
    prev = sos
    for k, x in enumerate(t):
        if x == "NSM":
            t[k] = "ON" if prev in _ISOLATES or prev == "PDI" else prev
        prev = t[k]
    strong = sos
    for k, x in enumerate(t):
        if x in _STRONG:
            strong = x
        elif x == "EN" and strong == "AL":
            t[k] = "AN"
    t[:] = ["R" if x == "AL" else x for x in t]
    for k in range(1, len(t) - 1):
        if t[k] == "ES" and t[k - 1] == "EN" == t[k + 1]:
            t[k] = "EN"
        elif t[k] == "CS" and t[k - 1] == t[k + 1] and t[k - 1] in ("EN", "AN"):
            t[k] = t[k - 1]
    k = 0
    while k < len(t):
        j = k
        while j < len(t) and t[j] == "ET":
            j += 1
        if j > k and ((k > 0 and t[k - 1] == "EN") or (j < len(t) and t[j] == "EN")):
            t[k:j] = ["EN"] * (j - k)
        k = max(j, k + 1)
    t[:] = ["ON" if x in ("ES", "ET", "CS") else x for x in t]
    strong = sos
    for k, x in enumerate(t):
        if x in ("L", "R"):
            strong = x
        elif x == "EN" and strong == "L":
            t[k] = "L"


def _dir(x: str) -> str:
    return "L" if x == "L" else "R"


def _brackets(t: list[str], chars: list[str], before: list[str], sos: str, e: str) -> None:
    """Rule N0: paired brackets take the direction of what they enclose."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for k, ch in enumerate(chars):
        if t[k] != "ON":
            continue
        ch = _CANONICAL.get(ch, ch)
        if ch in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_CANONICAL.get(_OPENING[ch], _OPENING[ch]), k))
        elif ch in _CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    for o, c in sorted(pairs):
        inside = {_dir(x) for x in t[o + 1 : c] if x in _NUMERIC}
        if not inside:
            continue
        new = e
        if e not in inside:
            new = next((_dir(x) for x in reversed(t[:o]) if x in _NUMERIC), sos)
        for b in (o, c):
            t[b] = new
            k = b + 1
            while k < len(t) and before[k] == "NSM":
                t[k] = new
                k += 1


def _neutrals(t: list[str], sos: str, eos: str, e: str) -> None:
    """Rules N1-N2."""
    k = 0
    while k < len(t):
        if t[k] not in _NEUTRAL:
            k += 1
            continue
        j = k
        while j < len(t) and t[j] in _NEUTRAL:
            j += 1
        left = sos if k == 0 else _dir(t[k - 1])
        right = eos if j == len(t) else _dir(t[j])
        t[k:j] = [left if left == right else e] * (j - k)
        k = j


def resolve_levels(text: str, base: int) -> list[int]:
    """Resolved embedding level of every character of one paragraph (rules X1-I2).

    Characters removed by X9 (BN such as ZWNJ, embedding controls) keep the level of the
    character before them, so they travel with their word when the line is reordered."""
    cls = classes(text)
    match = _matching_pdi(cls)
    types, explicit = _explicit(cls, base, match)
    levels = list(explicit)
    for seq in _sequences(cls, explicit, match):
        lvl = explicit[seq[0]]
        last = seq[-1]
        before_seq = (explicit[i] for i in range(seq[0] - 1, -1, -1) if cls[i] not in _REMOVED)
        after_seq = (explicit[i] for i in range(last + 1, len(cls)) if cls[i] not in _REMOVED)
        prev = next(before_seq, base)
        nxt = base if cls[last] in _ISOLATES else next(after_seq, base)
        sos = "R" if max(lvl, prev) % 2 else "L"
        eos = "R" if max(lvl, nxt) % 2 else "L"
        t = [types[i] for i in seq]
        before = list(t)
        _weak(t, sos)
        e = "R" if lvl % 2 else "L"
        _brackets(t, [text[i] for i in seq], before, sos, e)
        _neutrals(t, sos, eos, e)
        for i, x in zip(seq, t, strict=True):
            if levels[i] % 2 == 0:
                levels[i] += 1 if x == "R" else 2 if x in ("EN", "AN") else 0
            elif x in ("L", "EN", "AN"):
                levels[i] += 1
    for i, t0 in enumerate(cls):
        if t0 in _REMOVED:
            levels[i] = levels[i - 1] if i else base
    return levels


def line_levels(text: str, levels: Sequence[int], base: int) -> list[int]:
    """Rule L1 for one line: trailing whitespace and separators go back to the base level."""
    out = list(levels)
    trailing = True
    for k in range(len(text) - 1, -1, -1):
        c = unicodedata.bidirectional(text[k])
        if c in ("S", "B"):
            out[k] = base
            trailing = True
        elif c == "WS" or c in _ISOLATES or c == "PDI" or c in _REMOVED:
            if trailing:
                out[k] = base
        else:
            trailing = False
    return out


def visual_runs(levels: Sequence[int]) -> list[tuple[int, int, int]]:
    """Rule L2: level runs as (start, end, level) in left-to-right visual order."""
    runs: list[tuple[int, int, int]] = []
    start = 0
    for i in range(1, len(levels) + 1):
        if i == len(levels) or levels[i] != levels[start]:
            runs.append((start, i, levels[start]))
            start = i
    if not runs:
        return runs
    odd = [r[2] for r in runs if r[2] % 2]
    if not odd:
        return runs
    for lvl in range(max(r[2] for r in runs), min(odd) - 1, -1):
        k = 0
        while k < len(runs):
            if runs[k][2] < lvl:
                k += 1
                continue
            j = k
            while j < len(runs) and runs[j][2] >= lvl:
                j += 1
            runs[k:j] = runs[k:j][::-1]
            k = j
    return runs
