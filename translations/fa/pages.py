"""Persian texts of the main window's page titles."""

FA = {
    "Send": "ارسال",
    "Receive": "دریافت",
}
