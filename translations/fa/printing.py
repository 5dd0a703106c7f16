"""Persian texts of the print preview and batch printing."""

FA = {
    "Print…": "چاپ…",
    "Save as…": "ذخیره با نام…",
    "Open in PDF viewer": "باز کردن در نمایشگر PDF",
    "%1 pages": "%1 صفحه",
    "Save PDF": "ذخیره PDF",
    "PDF files (*.pdf)": "پرونده‌های PDF (*.pdf)",
    "No PDF viewer is set up; the file is at %1": "نمایشگر PDF تنظیم نشده است؛ پرونده در %1 است",
    "The printer could not be started.": "چاپگر آغاز به کار نکرد.",
    "Print forms": "چاپ فرم‌ها",
    "%1 passports will be printed.": "%1 شناسنامه چاپ می‌شود.",
    "All forms in one PDF file": "همه فرم‌ها در یک پرونده PDF",
    "One PDF file per passport, in a folder": "برای هر شناسنامه یک پرونده PDF، در یک پوشه",
    "Browse…": "انتخاب…",
    "Save to:": "ذخیره در:",
    "Print numbers with Latin digits": "چاپ اعداد با رقم‌های لاتین",
    "Choose a folder": "انتخاب پوشه",
    "Choose where the forms are saved.": "جای ذخیره فرم‌ها را انتخاب کنید.",
    "Printing forms…": "در حال چاپ فرم‌ها…",
    "Print forms…": "چاپ فرم‌ها…",
    "There is nothing to print.": "چیزی برای چاپ نیست.",
    "Print form…": "چاپ فرم…",
    "Print form": "چاپ فرم",
    "Form: %1": "فرم: %1",
    "The font lacks some characters; they are printed as a replacement mark: %1":
        "قلم برخی نویسه‌ها را ندارد؛ به جای آن‌ها علامت جایگزین چاپ می‌شود: %1",
}
