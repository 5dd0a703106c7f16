"""Report fonts embedded as subset CID fonts whose codes carry their own text.

ReportLab numbers TrueType codes by Unicode character, so glyphs that exist only after
shaping (joined forms, ligatures, mirrored brackets) would copy out as private-use
characters. Here each (glyph, text) pair gets its own CID: the page draws the glyph, and the
ToUnicode CMap gives back the characters that glyph stands for. Only glyphs a document uses
are embedded, under a ``XXXXXX+`` subset name.
"""

from __future__ import annotations

import hashlib
import struct
import threading
import zlib
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfdoc

from govsvc_desktop.reports.fonts import LoadedFont

_KEPT_TABLES = (b"cvt ", b"fpgm", b"hhea", b"hmtx", b"maxp", b"prep")


Entry = tuple[int, str, float]


class GlyphCodes:
    """Process-wide numbering of (glyph id, text, advance) for one font, so shaped lines are
    encoded once and reused in every document. The advance (thousandths of an em, as
    shaped, kerning included) becomes the code's width, so extractors see each glyph's
    characters where the glyph really stands."""

    def __init__(self) -> None:
        self._cids: dict[Entry, int] = {(0, "", 0.0): 0}
        self.entries: list[Entry] = [(0, "", 0.0)]
        self._lock = threading.Lock()

    def cid(self, gid: int, text: str, advance: float) -> int:
        key = (gid, text, advance)
        found = self._cids.get(key)
        if found is not None:
            return found
        with self._lock:
            if key not in self._cids:
                if len(self.entries) > 0xFFFF:
                    raise OverflowError("more than 65535 distinct glyph codes in one font")
                self._cids[key] = len(self.entries)
                self.entries.append(key)
            return self._cids[key]


_codes: dict[LoadedFont, GlyphCodes] = {}


def glyph_codes(font: LoadedFont) -> GlyphCodes:
    codes = _codes.get(font)
    if codes is None:
        codes = _codes.setdefault(font, GlyphCodes())
    return codes


class DocumentFonts:
    """What one PDF document drew with the report fonts: CIDs per font, missing characters."""

    def __init__(self) -> None:
        self.fonts: dict[LoadedFont, _EmbeddedFont] = {}
        self.missing: set[str] = set()

    def use(self, doc: pdfdoc.PDFDocument, font: LoadedFont, cids: frozenset[int]) -> str:
        """Record CIDs drawn in ``doc``; return the font's resource name for ``Tf``."""
        embedded = self.fonts.get(font)
        if embedded is None:
            embedded = self.fonts[font] = _EmbeddedFont(font, f"Gvz{len(self.fonts) + 1}")
            doc.delayedFonts.append(embedded)
        embedded.used.update(cids)
        return embedded.name


_documents: WeakKeyDictionary[pdfdoc.PDFDocument, DocumentFonts] = WeakKeyDictionary()


def document_fonts(doc: pdfdoc.PDFDocument) -> DocumentFonts:
    state = _documents.get(doc)
    if state is None:
        state = _documents[doc] = DocumentFonts()
    return state


class _EmbeddedFont:
    """Writes one Type0 font into a document when ReportLab saves it (``delayedFonts``)."""

    def __init__(self, font: LoadedFont, name: str) -> None:
        self.font, self.name = font, name
        self.used: set[int] = set()

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        font, entries = self.font, glyph_codes(self.font).entries
        cids = sorted(self.used | {0})
        gids = {entries[c][0] for c in cids}
        packed, length = _packed_subset(font, frozenset(gids))
        tag = "".join(chr(65 + b % 26) for b in hashlib.sha1(repr(cids).encode()).digest()[:6])
        base = f"{tag}+{font.ps_name}"
        scale = 1000 / font.upem

        font_file = pdfdoc.PDFStream(content=packed)
        font_file.dictionary["Filter"] = pdfdoc.PDFName("FlateDecode")
        font_file.dictionary["Length1"] = length
        head = font.table(b"head")
        bbox = [round(v * scale) for v in struct.unpack(">hhhh", head[36:44])]
        descriptor = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("FontDescriptor"),
                "FontName": pdfdoc.PDFName(base),
                "Flags": 4,
                "FontBBox": pdfdoc.PDFArray(bbox),
                "ItalicAngle": 0,
                "Ascent": round(font.ascent * scale),
                "Descent": round(font.descent * scale),
                "CapHeight": round(font.ascent * scale),
                "StemV": 120 if "Bold" in font.ps_name else 80,
                "FontFile2": doc.Reference(font_file),
            }
        )
        gid_map = bytearray(2 * (cids[-1] + 1))
        for c in cids:
            struct.pack_into(">H", gid_map, 2 * c, entries[c][0])
        cid_font = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("CIDFontType2"),
                "BaseFont": pdfdoc.PDFName(base),
                "CIDSystemInfo": pdfdoc.PDFDictionary(
                    {
                        "Registry": pdfdoc.PDFString("Adobe"),
                        "Ordering": pdfdoc.PDFString("Identity"),
                        "Supplement": 0,
                    }
                ),
                "FontDescriptor": doc.Reference(descriptor),
                "DW": 0,
                "W": _Written(_widths(cids, entries)),
                "CIDToGIDMap": doc.Reference(
                    pdfdoc.PDFStream(content=bytes(gid_map), filters=[pdfdoc.PDFZCompress])
                ),
            }
        )
        to_unicode = pdfdoc.PDFStream(
            content=_to_unicode(cids, entries), filters=[pdfdoc.PDFZCompress]
        )
        type0 = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("Type0"),
                "BaseFont": pdfdoc.PDFName(base),
                "Encoding": pdfdoc.PDFName("Identity-H"),
                "DescendantFonts": pdfdoc.PDFArray([doc.Reference(cid_font)]),
                "ToUnicode": doc.Reference(to_unicode),
            }
        )
        ref = doc.Reference(type0, f"GovsvcFont:{self.name}")
        doc.idToObject[pdfdoc.BasicFonts].dict[self.name] = ref


_SUBSETS: dict[tuple[LoadedFont, frozenset[int]], tuple[bytes, int]] = {}
_SUBSETS_KEPT = 32


def _packed_subset(font: LoadedFont, gids: frozenset[int]) -> tuple[bytes, int]:
    """The compressed subset font program and its length: forms printed one after another
    draw nearly the same glyphs, so the last few subsets are kept rather than rebuilt."""
    key = (font, gids)
    found = _SUBSETS.get(key)
    if found is None:
        program = subset_truetype(font, set(gids))
        found = (zlib.compress(program), len(program))
        with _subsets_lock:
            if len(_SUBSETS) >= _SUBSETS_KEPT:
                _SUBSETS.pop(next(iter(_SUBSETS)))
            _SUBSETS[key] = found
    return found


_subsets_lock = threading.Lock()


class _Written(pdfdoc.PDFObject):  # type: ignore[misc]
    """A PDF value already written out: hundreds of widths are one string, not hundreds of
    objects for ReportLab to format one by one."""

    def __init__(self, text: str) -> None:
        self.data = text.encode("ascii")

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return self.data


def _widths(cids: list[int], entries: list[Entry]) -> str:
    """The /W array: runs of consecutive CIDs, each with its widths."""
    out: list[str] = []
    group: list[str] = []
    for k, c in enumerate(cids):
        group.append(f"{entries[c][2]:g}")
        if k + 1 == len(cids) or cids[k + 1] != c + 1:
            out.append(f"{c - len(group) + 1} [{' '.join(group)}]")
            group = []
    return "[" + " ".join(out) + "]"


def _to_unicode(cids: list[int], entries: list[Entry]) -> bytes:
    pairs = [
        f"<{c:04X}> <{entries[c][1].encode('utf-16-be').hex().upper()}>"
        for c in cids
        if entries[c][1]
    ]
    blocks = []
    for i in range(0, len(pairs), 100):
        chunk = pairs[i : i + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def subset_truetype(font: LoadedFont, gids: set[int]) -> bytes:
    """The font with outlines only for ``gids`` (and their components); glyph ids are kept,
    so the CIDToGIDMap can point into the original numbering."""
    head = bytearray(font.table(b"head"))
    num_glyphs = struct.unpack(">H", font.table(b"maxp")[4:6])[0]
    loca = font.table(b"loca")
    if struct.unpack(">h", head[50:52])[0]:
        offsets = list(struct.unpack(f">{num_glyphs + 1}I", loca[: 4 * (num_glyphs + 1)]))
    else:
        offsets = [
            2 * v for v in struct.unpack(f">{num_glyphs + 1}H", loca[: 2 * (num_glyphs + 1)])
        ]
    glyf = font.table(b"glyf")
    keep: set[int] = set()
    todo = [g for g in gids if g < num_glyphs]
    while todo:
        g = todo.pop()
        if g not in keep:
            keep.add(g)
            todo.extend(_components(glyf[offsets[g] : offsets[g + 1]]))
    new_glyf = bytearray()
    new_loca = []
    for g in range(num_glyphs):
        new_loca.append(len(new_glyf))
        if g in keep:
            new_glyf += glyf[offsets[g] : offsets[g + 1]]
            new_glyf += b"\0" * (-len(new_glyf) % 4)
    new_loca.append(len(new_glyf))
    head[8:12] = b"\0\0\0\0"
    head[50:52] = struct.pack(">h", 1)
    tables = {tag: font.table(tag) for tag in _KEPT_TABLES if tag in font.tables}
    tables[b"head"] = bytes(head)
    tables[b"loca"] = struct.pack(f">{len(new_loca)}I", *new_loca)
    tables[b"glyf"] = bytes(new_glyf)
    return _sfnt(tables)


def _components(data: bytes) -> list[int]:
    if len(data) < 10 or struct.unpack(">h", data[:2])[0] >= 0:
        return []
    found, pos = [], 10
    while True:
        flags, gid = struct.unpack_from(">HH", data, pos)
        found.append(gid)
        pos += 4 + (4 if flags & 0x1 else 2)
        pos += 2 if flags & 0x8 else 4 if flags & 0x40 else 8 if flags & 0x80 else 0
        if not flags & 0x20:
            return found


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(data) // 4}I", data)
    return sum(words) & 0xFFFFFFFF


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    tags = sorted(tables)
    selector = len(tags).bit_length() - 1
    search = 16 << selector
    header = struct.pack(">IHHHH", 0x00010000, len(tags), search, selector, 16 * len(tags) - search)
    offset = 12 + 16 * len(tags)
    records, body, head_at = b"", b"", 0
    for tag in tags:
        data = tables[tag]
        if tag == b"head":
            head_at = offset + len(body)
        records += struct.pack(">4sIII", tag, _checksum(data), offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    out = bytearray(header + records + body)
    struct.pack_into(">I", out, head_at + 8, (0xB1B0AFBA - _checksum(bytes(out))) & 0xFFFFFFFF)
    return bytes(out)
