"""Search gives the same answers on SQLite (FTS5) and PostgreSQL (tsvector) for the same data."""

from pathlib import Path

from govsvc_desktop.bootstrap import build
from govsvc_desktop.demo import generator as demo
from govsvc_desktop.domain.passport.queries import PassportFilter
from tests.pg import fresh_database

QUERIES = ("پروانه", "كسب", "کارت بازرگانی", "می خواهم", "سند تک‌برگ", "اقامتگاه بوم", "مشهد", "1023",
           "۱۰۲", "حمل بار جاده", "گلخانه", "ICT", "نشان استاندارد", "ناموجود")


def test_search_parity_between_engines(tmp_path: Path) -> None:
    lite = build(str(tmp_path / "lite.db"))
    demo.populate(lite.uow, 400, seed=11)
    with fresh_database() as url:
        pg = build(url)
        found: dict[str, int] = {}
        demo.populate(pg.uow, 400, seed=11)
        for q in QUERIES:
            f = PassportFilter(search=q)
            a = [r.uuid for r in lite.passports.page(f, limit=None)]
            b = [r.uuid for r in pg.passports.page(f, limit=None)]
            assert a == b, q
            assert lite.passports.count(f) == pg.passports.count(f) == len(a), q
            found[q] = len(a)
        assert found["پروانه"] > 20 and found["ناموجود"] == 0 and found["می خواهم"] == 0
        pg.close()
    lite.close()
