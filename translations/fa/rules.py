"""Persian texts of the rules' verdicts in the GUI: the deadline calendar, the official lists,
the editor's problem count and the 30% rule's exemption."""

FA = {
    "Record an event…": "ثبت رویداد…",
    "Export calendar (.ics)…": "خروجی تقویم (iCalendar)…",
    "Due": "موعد",
    "State": "وضعیت",
    "Obligation": "تکلیف",
    "Regulation": "مبنای مقررات",
    "Starts with": "آغاز از",
    "%1 deadlines, %2 overdue. Double-click a deadline to open its record.":
        "%1 موعد، %2 موعد گذشته. برای باز کردن رکورد هر موعد روی آن دوبار کلیک کنید.",
    "Record an event": "ثبت رویداد",
    "The date is not valid.": "تاریخ درست نیست.",
    "Export calendar": "خروجی تقویم",
    "Event:": "رویداد:",
    "Date:": "تاریخ:",
    "Note:": "توضیح:",
    "Deadlines": "مواعد",
    "Official lists": "فهرست‌های رسمی",
    "{blocking} problems prevent saving, {other} prevent approval, {warnings} warnings":
        "{blocking} مشکل مانع ذخیره، {other} مشکل مانع تأیید و {warnings} هشدار",
    "Explanation (below 30%):": "توضیح (کاهش کمتر از ۳۰٪):",
    "Standard time approved by the Organisation (note 5), reference:":
        "شمارهٔ تأیید زمان استاندارد از سوی سازمان (تبصره ۵):",
    "Approved by the Organisation on:": "تاریخ تأیید سازمان:",
    "Provincial slice approved on:": "تاریخ تصویب برش استانی:",
    "Matching records to the official lists…": "تطبیق رکوردها با فهرست‌های رسمی…",
    "The %1 most urgent are shown; `deadlines list` has them all.":
        "%1 موعد فوری‌تر نشان داده شده است؛ همه را `deadlines list` می‌دهد.",
    "Writing the calendar…": "نوشتن تقویم…",
    "List": "فهرست",
    "Version": "ویرایش",
    "Source": "منبع",
    "Match existing records": "تطبیق رکوردهای موجود",
    "Field": "فیلد",
    "Value not in the lists": "مقدار بیرون از فهرست‌ها",
    "Records": "رکوردها",
    "%1 values match no entry of the official lists; they are kept as flagged free text.":
        "%1 مقدار با هیچ ردیف فهرست‌های رسمی نمی‌خواند؛ به‌صورت متن آزاد علامت‌خورده نگه داشته شده‌اند.",
    "%1 records were rewritten to the lists' spelling. ":
        "%1 رکورد به نگارش فهرست‌های رسمی درآمد. ",
}
