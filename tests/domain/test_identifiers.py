import pytest

from govsvc_desktop.domain import identifiers as ids


@pytest.mark.parametrize("code", ["0013542419", "۰۰۱۳۵۴۲۴۱۹", "001-354241-9"])
def test_valid_national_id(code: str) -> None:
    assert ids.canonical_national_id(code) == "0013542419"


@pytest.mark.parametrize("code", ["0013542418", "1111111111", "12345", "abcdefghij"])
def test_invalid_national_id(code: str) -> None:
    assert ids.canonical_national_id(code) is None


def test_generated_national_ids_pass_the_check() -> None:
    for first in ("001234567", "123456789", "987654321"):
        assert ids.canonical_national_id(ids.national_id_with_check(first))


def test_sheba_check_digits() -> None:
    valid = ids.sheba_with_check("0170000000101234567001")
    assert ids.canonical_sheba(valid) == valid
    assert ids.canonical_sheba(valid.lower().replace("ir", "IR ")) == valid
    broken = valid[:-1] + str((int(valid[-1]) + 1) % 10)
    assert ids.canonical_sheba(broken) is None
    assert ids.canonical_sheba("IR12") is None
    # A published example (ISO 13616 check).
    assert ids.canonical_sheba("IR062960000000100324200001") == "IR062960000000100324200001"


def test_legal_id_check_digit() -> None:
    code = ids.legal_id_with_check("1400012345")
    assert ids.canonical_legal_id(code) == code
    assert ids.canonical_legal_id(code[:-1] + str((int(code[-1]) + 1) % 10)) is None


@pytest.mark.parametrize(("text", "ok"), [("11031164001", True), ("۱۱۰۳۱۱۶۴۰۰۱", True),
                                          ("1234567", True), ("12345678901234567", True),
                                          ("1" * 32, True), ("1" * 33, False), ("", False),
                                          ("1103A164001", False)])
def test_service_id_format(text: str, ok: bool) -> None:
    assert (ids.canonical_service_id(text) is not None) is ok


def test_postal_code() -> None:
    assert ids.canonical_postal_code("1193653471") == "1193653471"
    assert ids.canonical_postal_code("0193653471") is None
