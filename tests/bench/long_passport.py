"""The long passport of the speed target: a demo passport with a 5,000-character description,
200 required documents and 100 process steps, every text written the way offices write them
(Persian sentences with numbers, brackets and Latin now and then)."""

from __future__ import annotations

import datetime as dt
import random

from govsvc_desktop.demo import generator as demo
from govsvc_desktop.demo import vocabulary as V
from govsvc_desktop.domain.passport.model import ProcessStep, RequiredDocument, ServicePassport

_SENTENCES = (
    "متقاضی درخواست خود را در سامانه ثبت می‌کند و کد رهگیری دریافت می‌کند",
    "کارشناس مدارک را بررسی و در صورت نقص، موارد را به متقاضی اعلام می‌کند",
    "پرونده برای استعلام به دستگاه‌های همکار فرستاده می‌شود",
    "پاسخ استعلام‌ها حداکثر ظرف ۷ روز کاری دریافت می‌شود",
    "در صورت نیاز، بازدید میدانی از محل انجام می‌شود و گزارش آن در پرونده ثبت می‌گردد",
    "نتیجه از طریق پیامک و درگاه ملی خدمات دولت (my.gov.ir) به متقاضی اعلام می‌شود",
    "هزینه‌ها مطابق تعرفه مصوب از طریق درگاه پرداخت الکترونیکی دریافت می‌شود",
    "اصل مدارک در دفتر پیشخوان با تصویر آن برابر می‌شود",
)


def _text(rng: random.Random, length: int) -> str:
    out = ""
    while len(out) < length:
        out += rng.choice(_SENTENCES) + ("، " if rng.random() < 0.5 else ". ")
    return out[:length].rstrip()


def long_passport(seed: int = 7) -> ServicePassport:
    rng = random.Random(seed)
    p = next(demo.generate(1, seed=seed, today=dt.date(2026, 11, 25)))
    p.description = _text(rng, 5000)
    p.documents = [RequiredDocument(f"{rng.choice(V.DOCUMENTS)} — {_text(rng, 60)}", rng.random() < 0.5,
                                    _text(rng, 600)) for _ in range(200)]
    p.steps = [ProcessStep(i + 1, _text(rng, 700), rng.choice(V.UNITS), float(rng.randint(1, 10)))
               for i in range(100)]
    return p
