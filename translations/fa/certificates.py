"""Persian texts of the certificate buttons and dialogs of the Send page."""

FA = {
    "No signing certificate is stored: import one or make a test certificate with the buttons below.":
        "هیچ گواهی امضایی ذخیره نشده است؛ با دکمه‌های زیر یکی وارد کنید یا یک گواهی آزمایشی بسازید.",
    "Import certificate…": "ورود گواهی…",
    "New test certificate…": "گواهی آزمایشی تازه…",
    "Trust a CA…": "اعتماد به مرجع صدور…",
    "New test certificate": "گواهی آزمایشی تازه",
    "For trying the application out: the centre does not accept test certificates.":
        "برای آزمودن برنامه: مرکز گواهی آزمایشی را نمی‌پذیرد.",
    "Holder's name:": "نام دارنده:",
    "Organisation:": "سازمان:",
    "Password:": "گذرواژه:",
    "Password again:": "تکرار گذرواژه:",
    "The two passwords differ.": "دو گذرواژه با هم متفاوت‌اند.",
    "Import a certificate": "ورود گواهی",
    "PKCS#12 files (*.p12 *.pfx)": "پرونده‌های PKCS#12 (*.p12 *.pfx)",
    "Password of the file:": "گذرواژه پرونده:",
    "Trust a certification authority": "اعتماد به مرجع صدور گواهی",
    "Certificates (*.pem *.crt *.cer *.der)": "گواهی‌ها (*.pem *.crt *.cer *.der)",
}
