"""The QR code: the same modules as an independent encoder, and a scanner reads the printed
form's code back as the passport's service ID, UUID and content digest."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import qrcode
import qrcode.constants
import zxingcpp
from PIL import Image

from govsvc_desktop.reports import qr
from govsvc_desktop.reports.passport_pdf import PdfOptions, qr_payload, write_passport_pdf
from tests.fixtures import full_passport


def _reference(data: bytes, mask: int) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0,
                         mask_pattern=mask)
    code.add_data(data, optimize=0)
    code.make(fit=True)
    return [list(row) for row in code.get_matrix()]


@pytest.mark.parametrize("length", [1, 14, 15, 62, 130, 137, 231, 500, 1200, 2331])
def test_modules_match_an_independent_encoder_across_versions(length: int) -> None:
    # lower case keeps the reference in byte mode; the lengths cross version boundaries
    # (14/15: versions 1/2, 137: the form's payload, 231: version 10's 16-bit count, 2331: 40)
    data = (b"govsvc-passport|" + bytes(range(97, 123)) * 100)[:length]
    for mask in (0, 2, 5, 7):
        code = qr.encode(data, mask)
        reference = _reference(data, mask)
        assert code.size == len(reference)
        mine = [[code.is_dark(r, c) for c in range(code.size)] for r in range(code.size)]
        assert mine == reference, f"{length} bytes, mask {mask}"


def test_packed_rows_are_the_modules_as_bits() -> None:
    code = qr.encode(b"https://example.org/?q=1", 2)
    rows = code.packed_rows()
    assert len(rows) == code.size and all(len(r) == (code.size + 7) // 8 for r in rows)
    for r, packed in enumerate(rows):
        bits = "".join(f"{b:08b}" for b in packed)
        assert bits[:code.size] == "".join("1" if code.is_dark(r, c) else "0" for c in range(code.size))
        assert set(bits[code.size:]) <= {"0"}


def test_data_too_long_for_any_version_is_refused() -> None:
    with pytest.raises(qr.QrTooLongError):
        qr.encode(b"x" * 2332)


def test_the_printed_code_scans_back(tmp_path: Path) -> None:
    p = full_passport()
    pdf = tmp_path / "form.pdf"
    write_passport_pdf(p, pdf, PdfOptions())
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True)
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [(r.format, r.text) for r in found] == [(zxingcpp.BarcodeFormat.QRCode, qr_payload(p))]
