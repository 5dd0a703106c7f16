"""Persian texts of the main window's page titles and of the Send and Receive pages."""

FA = {
    "Send": "ارسال",
    "Receive": "دریافت",
    "Kind": "نوع رکورد",
}
