"""Persian for the program-error dialog."""

FA = {
    "Program error": "اشکال برنامه",
    "Something went wrong in the program. Your saved data is safe; the details were written to "
    "the log file:\n{path}": "در برنامه اشکالی پیش آمد. داده‌های ذخیره‌شدهٔ شما سالم است؛ جزئیات "
    "در پروندهٔ گزارش نوشته شد:\n{path}",
}

FA["Loading passports…"] = "در حال خواندن شناسنامه‌ها…"
FA["&Backups"] = "&پشتیبان‌گیری"
FA["PDF, images (JPEG, PNG, GIF, TIFF, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument)"] = (
    "PDF، تصویر (JPEG، PNG، GIF، TIFF، WebP) و سندهای اداری (Word، Excel، PowerPoint، OpenDocument)")
FA["Attachments"] = "پیوست‌ها"
FA["Deadlines"] = "موعدها"
FA["Official lists in force"] = "فهرست‌های رسمی جاری"
FA["Values not in the lists"] = "مقدارهای بیرون از فهرست‌ها"
FA["&Back up now…"] = "&پشتیبان‌گیری اکنون…"
FA["&Restore from a backup…"] = "&بازگردانی از پشتیبان…"
