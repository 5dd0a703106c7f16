"""QR codes (ISO/IEC 18004): byte mode, error correction level M, one given mask pattern.

That is all the passport form needs, and narrowing it down pays: everything that depends only
on the version (function patterns, the order data modules are filled in, the mask) is worked
out once, so a code costs its Reed-Solomon blocks and one pass over its data modules. A
general encoder that scores all eight masks spends more on the QR code than on the rest of a
page. Every mask reads the same; scoring only avoids patterns that confuse poor scanners.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

# Level M, versions 1 to 40 (index 0 unused): error correction codewords per block and the
# number of blocks, from the standard's table of error correction characteristics.
_ECC_PER_BLOCK = (0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26,
                  26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
                  28)
_BLOCKS = (0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20,
           21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49)
_LEVEL_M = 0b00  # the two error-correction bits of the format information
_MASKS: tuple[Callable[[int, int], bool], ...] = (
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: r * c % 2 + r * c % 3 == 0,
    lambda r, c: (r * c % 2 + r * c % 3) % 2 == 0,
    lambda r, c: ((r + c) % 2 + r * c % 3) % 2 == 0,
)


class QrTooLongError(ValueError):
    """The data does not fit in a version 40 code at level M."""


@dataclass(frozen=True)
class QrCode:
    """A QR code without its quiet zone: ``size`` rows of ``size`` modules."""

    size: int
    modules: bytes  # row-major, 1 for a dark module

    def is_dark(self, row: int, col: int) -> bool:
        return self.modules[row * self.size + col] == 1

    def packed_rows(self) -> list[bytes]:
        """Each row as bits, dark = 1, most significant first, padded to whole bytes: the
        samples of a one-bit image."""
        size, width = self.size, (self.size + 7) // 8
        pad = "0" * (width * 8 - size)
        text = self.modules.translate(_AS_DIGITS).decode("ascii")
        return [int(text[i:i + size] + pad, 2).to_bytes(width, "big")
                for i in range(0, size * size, size)]


_AS_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def encode(data: bytes, mask: int = 2) -> QrCode:
    """The smallest QR code at level M holding ``data`` in byte mode, with mask ``mask``."""
    for version in range(1, 41):
        if _capacity_bits(version) >= 4 + _count_bits(version) + 8 * len(data):
            break
    else:
        raise QrTooLongError(f"{len(data)} bytes do not fit in a QR code")
    layout = _layout(version, mask)
    codewords = _with_error_correction(version, _data_codewords(version, data))
    stream = int.from_bytes(codewords, "big") << layout.remainder_bits
    bits = format(stream ^ layout.mask_bits, f"0{len(layout.order)}b").encode("ascii")
    modules = bytearray(layout.template)
    for index, bit in zip(layout.order, bits, strict=True):
        modules[index] = bit - 48
    return QrCode(layout.size, bytes(modules))


def _count_bits(version: int) -> int:
    return 8 if version <= 9 else 16


def _raw_modules(version: int) -> int:
    """Modules left for data and error correction once the function patterns are drawn."""
    result = (16 * version + 128) * version + 64
    if version >= 2:
        aligns = version // 7 + 2
        result -= (25 * aligns - 10) * aligns - 55
        if version >= 7:
            result -= 36
    return result


def _data_codeword_count(version: int) -> int:
    return _raw_modules(version) // 8 - _ECC_PER_BLOCK[version] * _BLOCKS[version]


def _capacity_bits(version: int) -> int:
    return _data_codeword_count(version) * 8


def _data_codewords(version: int, data: bytes) -> bytes:
    """Mode, count, data, terminator and padding, as codewords."""
    capacity = _capacity_bits(version)
    count_bits = _count_bits(version)
    value = (0b0100 << count_bits | len(data)) << 8 * len(data) | int.from_bytes(data, "big")
    used = 4 + count_bits + 8 * len(data)
    terminator = min(4, capacity - used)
    value <<= terminator
    used += terminator
    value <<= -used % 8
    used += -used % 8
    pad = (capacity - used) // 8
    return value.to_bytes(used // 8, "big") + (b"\xec\x11" * (pad // 2 + 1))[:pad]


def _with_error_correction(version: int, data: bytes) -> bytes:
    """Data split into blocks, each followed by its Reed-Solomon codewords, interleaved."""
    blocks, ecc_len = _BLOCKS[version], _ECC_PER_BLOCK[version]
    raw = _raw_modules(version) // 8
    short_len = raw // blocks - ecc_len
    shorts = blocks - raw % blocks
    pieces, start = [], 0
    for b in range(blocks):
        end = start + short_len + (b >= shorts)
        pieces.append(data[start:end])
        start = end
    table = _product_table(ecc_len)
    out = bytearray()
    for i in range(short_len + 1):
        out.extend(p[i] for p in pieces if i < len(p))
    for ecc in zip(*(_remainder(p, ecc_len, table) for p in pieces), strict=True):
        out.extend(ecc)
    return bytes(out)


def _remainder(block: bytes, degree: int, table: tuple[int, ...]) -> bytes:
    """Reed-Solomon error correction codewords of ``block`` (polynomial division in GF(256),
    the remainder held as one integer of ``degree`` bytes)."""
    shift, keep = 8 * (degree - 1), (1 << 8 * degree) - 1
    rest = 0
    for byte in block:
        rest = (rest << 8 & keep) ^ table[byte ^ rest >> shift]
    return rest.to_bytes(degree, "big")


def _gf_multiply(x: int, y: int) -> int:
    """Product in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1."""
    result = 0
    for i in reversed(range(8)):
        result = (result << 1) ^ ((result >> 7) * 0x11D)
        result ^= ((y >> i) & 1) * x
    return result


@cache
def _product_table(degree: int) -> tuple[int, ...]:
    """For each factor, the generator polynomial of ``degree`` times it, packed as one integer:
    one division step is then a shift and an exclusive or."""
    generator = [0] * (degree - 1) + [1]
    root = 1
    for _ in range(degree):
        for j in range(degree):
            generator[j] = _gf_multiply(generator[j], root)
            if j + 1 < degree:
                generator[j] ^= generator[j + 1]
        root = _gf_multiply(root, 2)
    return tuple(int.from_bytes(bytes(_gf_multiply(c, f) for c in generator), "big")
                 for f in range(256))


@dataclass(frozen=True)
class _Layout:
    size: int
    template: bytes  # function patterns and format information; data modules 0
    order: tuple[int, ...]  # data modules in filling order
    mask_bits: int  # the mask over ``order``, as one integer
    remainder_bits: int  # modules after the last codeword


def _alignment_centres(version: int) -> list[int]:
    if version == 1:
        return []
    count = version // 7 + 2
    step = (version * 8 + count * 3 + 5) // (count * 4 - 4) * 2
    size = version * 4 + 17
    return [6] + sorted(size - 7 - i * step for i in range(count - 1))


def _bch(value: int, bits: int, generator: int) -> int:
    """``value`` followed by its BCH remainder of ``bits`` bits."""
    rest = value
    for _ in range(bits):
        rest = (rest << 1) ^ ((rest >> (bits - 1)) * generator)
    return value << bits | rest


@lru_cache(maxsize=16)
def _layout(version: int, mask: int) -> _Layout:
    size = version * 4 + 17
    dark = bytearray(size * size)
    function = bytearray(size * size)

    def put(col: int, row: int, on: bool | int) -> None:
        dark[row * size + col] = 1 if on else 0
        function[row * size + col] = 1

    for i in range(size):
        put(6, i, i % 2 == 0)
        put(i, 6, i % 2 == 0)
    for cx, cy in ((3, 3), (size - 4, 3), (3, size - 4)):
        for dy in range(-4, 5):
            for dx in range(-4, 5):
                if 0 <= cx + dx < size and 0 <= cy + dy < size:
                    put(cx + dx, cy + dy, max(abs(dx), abs(dy)) not in (2, 4))
    centres = _alignment_centres(version)
    last = len(centres) - 1
    for i, cx in enumerate(centres):
        for j, cy in enumerate(centres):
            if (i, j) in ((0, 0), (0, last), (last, 0)):
                continue  # under a finder pattern
            for dy in range(-2, 3):
                for dx in range(-2, 3):
                    put(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1)
    fmt = _bch(_LEVEL_M << 3 | mask, 10, 0x537) ^ 0x5412
    for i in range(6):
        put(8, i, fmt >> i & 1)
    put(8, 7, fmt >> 6 & 1)
    put(8, 8, fmt >> 7 & 1)
    put(7, 8, fmt >> 8 & 1)
    for i in range(9, 15):
        put(14 - i, 8, fmt >> i & 1)
    for i in range(8):
        put(size - 1 - i, 8, fmt >> i & 1)
    for i in range(8, 15):
        put(8, size - 15 + i, fmt >> i & 1)
    put(8, size - 8, True)  # the dark module
    if version >= 7:
        info = _bch(version, 12, 0x1F25)
        for i in range(18):
            a, b = size - 11 + i % 3, i // 3
            put(a, b, info >> i & 1)
            put(b, a, info >> i & 1)

    order: list[int] = []
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1  # skip the vertical timing pattern
        upward = (right + 1) & 2 == 0
        for step in range(size):
            row = size - 1 - step if upward else step
            for col in (right, right - 1):
                if not function[row * size + col]:
                    order.append(row * size + col)
    masked = _MASKS[mask]
    mask_bits = int("".join("1" if masked(i // size, i % size) else "0" for i in order), 2)
    remainder = len(order) - (_raw_modules(version) // 8) * 8
    return _Layout(size, bytes(dark), tuple(order), mask_bits, remainder)
