"""Persian texts of logging in and of the lost-server notice."""

FA = {
    "Log in": "ورود",
    "Log in to the office server with your own account.": "با حساب کاربری خودتان به کارگزار اداره وارد شوید.",
    "Server": "کارگزار",
    "User name": "نام کاربری",
    "Password": "گذرواژه",
    "Enter your user name and password.": "نام کاربری و گذرواژه را وارد کنید.",
    "Database unreachable: %1 — your edits are kept as drafts on this computer.":
        "پایگاه داده در دسترس نیست: %1 — ویرایش‌های شما به‌صورت پیش‌نویس روی همین رایانه نگه داشته می‌شود.",
}
