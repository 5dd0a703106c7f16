"""Persian for the program-error dialog."""

FA = {
    "Program error": "اشکال برنامه",
    "Something went wrong in the program. Your saved data is safe; the details were written to "
    "the log file:\n{path}": "در برنامه اشکالی پیش آمد. داده‌های ذخیره‌شدهٔ شما سالم است؛ جزئیات "
    "در پروندهٔ گزارش نوشته شد:\n{path}",
}

FA["Loading passports…"] = "در حال خواندن شناسنامه‌ها…"
FA["&Backups"] = "&پشتیبان‌گیری"
