"""Persian texts of publishing the service catalogue as a website (Obligations page)."""

FA = {
    "Publish website…": "انتشار وب‌سایت…",
    "Publishing the service catalogue…": "در حال انتشار فهرست خدمات…",
    "Service catalogue": "فهرست خدمات",
    "What was left out, and why, is in the details.": "آنچه منتشر نشد و چرایی آن در جزئیات آمده است.",
    "Publish the service catalogue": "انتشار فهرست خدمات",
    "A website that opens from a folder or a USB stick and can be copied onto the agency's portal as it is: only approved, valid service passports, without anyone's name or ID, with CPSV-AP linked data.":
        "وب‌سایتی که از یک پوشه یا حافظهٔ جانبی باز می‌شود و همان‌گونه که هست روی درگاه دستگاه "
        "گذاشته می‌شود: فقط شناسنامه‌های تأییدشده و معتبر خدمات، بی‌نام و شناسهٔ هیچ کس، همراه "
        "با دادهٔ پیوندی CPSV-AP.",
    "Folder": "پوشه",
    "Choose…": "انتخاب…",
    "Folder:": "پوشه:",
    "default: the agency's name": "پیش‌فرض: نام دستگاه",
    "Catalogue title:": "عنوان فهرست:",
    "Portal address (optional):": "نشانی درگاه (اختیاری):",
    "Province:": "استان:",
    "Nature:": "ماهیت:",
    "Electronic:": "ارائهٔ الکترونیکی:",
    "Electronic": "الکترونیکی",
    "Non-electronic": "غیرالکترونیکی",
    "Publish": "انتشار",
    "All": "همه",
    "Folder of the website": "پوشهٔ وب‌سایت",
    "Choose the folder the website is written to.": "پوشه‌ای را که وب‌سایت در آن نوشته می‌شود انتخاب کنید.",
}
