import pytest

from govsvc_desktop.domain import persian as fa


def test_search_key_folds_arabic_letters_digits_and_zwnj() -> None:
    assert fa.search_key("كارت ملي ۱۲۳") == fa.search_key("کارت ملی 123") == "کارت ملی 123"
    assert fa.search_key("می‌خواهم") == fa.search_key("میخواهم")
    assert fa.search_key("  ICT   روستایی ") == "ict روستایی"


def test_index_text_joins_short_affixes_so_spacing_variants_match() -> None:
    indexed = fa.index_text("می خواهم")
    assert "میخواهم" in indexed.split()
    assert "می" in indexed.split() and "خواهم" in indexed.split()


def test_clean_typed_keeps_zwnj_and_persian_digits() -> None:
    assert fa.clean_typed(" نيم‌فاصله ۱۴۰۳ ") == "نیم‌فاصله ۱۴۰۳"


@pytest.mark.parametrize(("value", "persian", "expected"), [
    (12_500_000, True, "۱۲٬۵۰۰٬۰۰۰"),
    (12_500_000, False, "12,500,000"),
    (-5, True, "-۵"),
    (0, True, "۰"),
])
def test_format_int(value: int, persian: bool, expected: str) -> None:
    assert fa.format_int(value, persian) == expected


@pytest.mark.parametrize("text", ["۱۲٬۵۰۰٬۰۰۰", "12,500,000", "١٢٥٠٠٠٠٠", "12500000"])
def test_parse_int_accepts_every_digit_set_and_grouping(text: str) -> None:
    assert fa.parse_int(text) == 12_500_000


@pytest.mark.parametrize("text", ["", "۱۲ریال", "1.5", "abc"])
def test_parse_int_refuses_non_integers(text: str) -> None:
    with pytest.raises(ValueError):
        fa.parse_int(text)


def test_parse_number_with_persian_decimal() -> None:
    assert fa.parse_number("۲٫۵") == 2.5
    assert fa.format_number(2.5) == "۲٫۵"
    assert fa.format_rials(1500) == "۱٬۵۰۰ ریال"
