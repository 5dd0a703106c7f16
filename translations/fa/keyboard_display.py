"""Persian for the texts of value display, the date editor, keyboard menus and screen-reader names."""

FA = {
    "{amount} rials": "{amount} ریال",
    "row {n}": "ردیف {n}",
    "yes": "بله",
    "no": "خیر",
    "{n} MB": "{n} مگابایت",
    "{n} KB": "{n} کیلوبایت",
    "{n} bytes": "{n} بایت",
    "{column}, row {row}": "{column}، ردیف {row}",
    "Before": "پیشین",
    "After": "تازه",
    "History of this passport": "تاریخچه این شناسنامه",
    "Bundles sent and received": "بسته‌های فرستاده و دریافت‌شده",
    "passports": "شناسنامه",
    "plans": "برنامه",
    "proposed services": "خدمت پیشنهادی",
    "decisions": "نظر مرکز",
    "PDF forms": "فرم PDF",
    "evidence files": "پرونده شاهد",
    "Indicator chart": "نمودار شاخص",
    "a number, for example {example}": "یک عدد، مانند {example}",
    "write the date as year/month/day, for example {example}":
        "تاریخ را به شکل سال/ماه/روز بنویسید، مانند {example}",
    "the year {year} is not a Jalali year; {expected}": "سال {year} سال خورشیدی نیست؛ {expected}",
    "there is no month {month}: months run from 1 to 12; {expected}":
        "ماه {month} نداریم: ماه‌ها از ۱ تا ۱۲ هستند؛ {expected}",
    "{month} {year} has {days} days, not {day}": "{month} {year} {days} روز دارد، نه {day}",
    "Calendar": "تقویم",
    "Choose from the calendar": "انتخاب از تقویم",
    "Choose from the calendar (Alt+Down)": "انتخاب از تقویم (Alt+پایین)",
    "Jalali date, year/month/day; Alt+Down opens a calendar":
        "تاریخ خورشیدی، سال/ماه/روز؛ Alt+پایین تقویم را باز می‌کند",
    "Sum in rials": "مبلغ به ریال",
    "a whole number of rials, for example {example}": "مبلغی بی‌اعشار به ریال، مانند {example}",
    "a whole number, for example {example}": "عددی بی‌اعشار، مانند {example}",
    "Pages": "صفحه‌ها",
    "Filter by status": "پالایش بر پایه وضعیت",
    "Filter by province": "پالایش بر پایه استان",
    "Filter by nature": "پالایش بر پایه ماهیت",
    "Filter by electronic delivery": "پالایش بر پایه ارائه الکترونیکی",
    "Filter by validity": "پالایش بر پایه اعتبار",
    "Search passports": "جستجوی شناسنامه‌ها",
    "Enter opens the passport": "کلید Enter شناسنامه را باز می‌کند",
    "&New passport": "&شناسنامه تازه",
    "&Open": "&باز کردن",
    "&Delete draft": "&حذف پیش‌نویس",
    "&Print forms…": "&چاپ فرم‌ها…",
    "&Import from Excel…": "&ورود از Excel…",
    "&Export to Excel…": "&خروجی Excel…",
    "&Refresh": "&تازه‌سازی",
    "Empty Excel &template…": "&الگوی خالی Excel…",
    "&Find…": "&جستجو…",
    "E&xit": "&پایان کار",
    "&Settings…": "&تنظیمات…",
    "&About": "&درباره برنامه",
    "Delete the draft «{title}» for good? This cannot be undone.":
        "پیش‌نویس «{title}» برای همیشه حذف شود؟ این کار برگشت‌پذیر نیست.",
    "Service passports, version {version}\nService passports and process improvement plans for "
    "executive agencies.\nDatabase: {db}":
        "شناسنامه خدمات، نگارش {version}\nشناسنامه خدمات و برنامه‌های بهبود فرایند دستگاه‌های "
        "اجرایی.\nپایگاه داده: {db}",
    "&Passport": "&شناسنامه",
    "&Close": "ب&ستن",
    "Problems": "کمبودها",
    "Enter on a problem goes to its field": "Enter روی هر کمبود به فیلد آن می‌رود",
    "Sections of the passport": "بخش‌های شناسنامه",
    "«{field}»: {reason}": "«{field}»: {reason}",
    "not a valid value": "مقدار درستی نیست",
    "Rules checked: no problems found.": "قواعد بررسی شد: کمبودی نیست.",
    "Saved at {time}.": "ساعت {time} ذخیره شد.",
    "Changes discarded.": "تغییرها کنار گذاشته شد.",
    "no ID": "بدون شناسه",
}
FA.update({
    "; {n} signed PDF forms; {m} passports will be marked sent":
        "؛ {n} فرم PDF امضاشده؛ {m} شناسنامه «ارسال‌شده» می‌شود",
    "; changes since bundle {n}": "؛ تغییرات پس از بستهٔ {n}",
    "Service passports": "شناسنامه خدمات",
})
FA.update({
    "Steps of the smartification cycle": "گام‌های چرخه هوشمندسازی",
    "Reports, lessons and chains": "گزارش‌ها، درس‌آموخته‌ها و زنجیره‌ها",
    "Event logs by service": "رویدادنگارها به تفکیک خدمت",
    "Licences": "مجوزها",
    "Obligations": "تکالیف",
    "Obligations not met": "تکالیف انجام‌نشده",
    "Enter opens the record": "کلید Enter رکورد را باز می‌کند",
    "Fields approval needs": "فیلدهای لازم برای تأیید",
    "Parts of the plan": "بخش‌های برنامه",
    "Improvement period starts": "آغاز دوره بهبود",
    "Improvement period ends": "پایان دوره بهبود",
    "Steering council approval number": "شماره مصوبه شورای راهبری",
    "Steering council approval date": "تاریخ مصوبه شورای راهبری",
    "IDs this action waits for": "شناسه اقدام‌هایی که این اقدام منتظر آن‌هاست",
    "Values this quarter": "مقدارهای این سه‌ماهه",
    "Evidence": "شواهد",
    "Verifications": "راستی‌آزمایی‌ها",
    "Verified values": "مقدارهای راستی‌آزمایی‌شده",
    "Quarter of the new report": "سه‌ماهه گزارش تازه",
    "Plans and 128 requests": "برنامه‌ها و درخواست‌های ۱۲۸",
    "Enter opens the plan": "کلید Enter برنامه را باز می‌کند",
    "Services without ID": "خدمات بدون شناسه",
    "Checks of the bundle": "بررسی‌های بسته",
    "Changes the bundle brings": "تغییراتی که بسته می‌آورد",
    "Bundle file": "پرونده بسته",
    "SHA-256 fingerprint of the bundle": "اثر انگشت SHA-256 بسته",
})
FA.update({
    "&Look in:": "&جستجو در:",
    "Files of &type:": "پرونده‌های از &نوع:",
    "Drive": "دیسک",
})
FA.update({
    "Delete the draft “{title}” for good? This cannot be undone.":
        "پیش‌نویس «{title}» برای همیشه حذف شود؟ این کار برگشت‌پذیر نیست.",
    "Unsaved changes to “{title}” were kept when the program last stopped. Restore them?":
        "تغییرات ذخیره‌نشده «{title}» هنگام بسته شدن پیشین برنامه نگه داشته شد. بازگردانده شود؟",
    "“{field}”: {reason}": "«{field}»: {reason}",
    "new": "تازه",
    "update": "به‌روزرسانی",
    "unchanged": "بی‌تغییر",
    "not imported": "وارد نمی‌شود",
    "Imported": "وارد شد",
    "Checked; nothing was saved": "بررسی شد؛ چیزی ذخیره نشد",
    "No record was imported": "هیچ رکوردی وارد نشد",
    "{head}: {new} new, {updated} updated, {same} unchanged, {skipped} not imported; "
    "{errors} errors, {warnings} warnings":
        "{head}: {new} تازه، {updated} به‌روزشده، {same} بی‌تغییر، {skipped} واردنشده؛ "
        "{errors} خطا، {warnings} هشدار",
    "Printing was cancelled; {forms} passports were ready before that.":
        "چاپ لغو شد؛ {forms} شناسنامه پیش از لغو آماده شده بود.",
    "{forms} passports printed on {pages} pages.": "{forms} شناسنامه در {pages} صفحه چاپ شد.",
    "Characters the font lacks were printed as a replacement mark: {chars}":
        "نویسه‌هایی که قلم ندارد با علامت جایگزین چاپ شد: {chars}",
})
FA.update({
    "&Save": "&ذخیره",
    "&Check rules": "&بررسی قواعد",
    "&Discard changes": "&کنار گذاشتن تغییرات",
    "&Print form…": "&چاپ فرم…",
})
FA["C&lose"] = "ب&ستن"
FA.update({
    "The centre's reply was applied: {decisions} records updated, {kept} left as they were.":
        "پاسخ مرکز وارد شد: {decisions} رکورد به‌روز شد، {kept} رکورد دست‌نخورده ماند.",
    "The bundle was imported: {created} new records, {updated} updated, {unchanged} unchanged, "
    "{kept} kept as they were here.":
        "بسته وارد شد: {created} رکورد تازه، {updated} به‌روزرسانی، {unchanged} بدون تغییر، "
        "{kept} نگه‌داشته.",
})
