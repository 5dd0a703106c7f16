; Persian (فارسی) texts of the govsvc-desktop installer, for Inno Setup 6.3 or newer.
;
; Not every Inno Setup release ships a Persian translation, so the installer carries its own:
; govsvc-desktop.iss loads "compiler:Default.isl,Persian.isl", so every message below replaces
; the English one and anything not listed here (rare error texts) stays in English.
; Saved as UTF-8 with a byte order mark, which Inno Setup needs to read it as Unicode.

[LangOptions]
LanguageName=فارسی
LanguageID=$0429
LanguageCodePage=1256
RightToLeft=yes
DialogFontName=Tahoma
DialogFontSize=8

[Messages]

; *** Application titles
SetupAppTitle=نصب
SetupWindowTitle=نصب - %1
UninstallAppTitle=حذف
UninstallAppFullTitle=حذف %1

; *** Misc. common
InformationTitle=آگاهی
ConfirmTitle=تأیید
ErrorTitle=خطا

; *** Startup
SetupLdrStartupMessage=برنامه %1 نصب خواهد شد. ادامه می‌دهید؟
SetupAlreadyRunning=برنامه نصب هم‌اکنون در حال اجراست.
WindowsVersionNotSupported=این برنامه روی این نسخه از ویندوز اجرا نمی‌شود.
SetupAppRunningError=%1 هم‌اکنون باز است.%n%nلطفاً همه پنجره‌های آن را ببندید و «تأیید» را بزنید، یا برای خروج «انصراف» را بزنید.
UninstallAppRunningError=%1 هم‌اکنون باز است.%n%nلطفاً همه پنجره‌های آن را ببندید و «تأیید» را بزنید، یا برای خروج «انصراف» را بزنید.
PrivilegesRequiredOverrideTitle=شیوه نصب
PrivilegesRequiredOverrideInstruction=شیوه نصب را انتخاب کنید
PrivilegesRequiredOverrideText1=%1 را می‌توان برای همه کاربران این رایانه (با دسترسی مدیر سیستم) یا فقط برای شما نصب کرد.
PrivilegesRequiredOverrideText2=%1 را می‌توان فقط برای شما یا برای همه کاربران این رایانه (با دسترسی مدیر سیستم) نصب کرد.
PrivilegesRequiredOverrideAllUsers=نصب برای &همه کاربران
PrivilegesRequiredOverrideAllUsersRecommended=نصب برای &همه کاربران (پیشنهادی)
PrivilegesRequiredOverrideCurrentUser=نصب فقط برای &من
PrivilegesRequiredOverrideCurrentUserRecommended=نصب فقط برای &من (پیشنهادی)
ErrorCreatingDir=ساختن پوشه «%1» ممکن نشد

; *** Setup common messages
ExitSetupTitle=خروج از نصب
ExitSetupMessage=نصب کامل نشده است. اگر اکنون خارج شوید، برنامه نصب نخواهد شد.%n%nمی‌توانید بعداً دوباره برنامه نصب را اجرا کنید.%n%nاز نصب خارج می‌شوید؟
AboutSetupMenuItem=&درباره برنامه نصب...
AboutSetupTitle=درباره برنامه نصب

; *** Buttons
ButtonBack=&قبلی
ButtonNext=&بعدی
ButtonInstall=&نصب
ButtonOK=تأیید
ButtonCancel=انصراف
ButtonYes=&بله
ButtonYesToAll=بله برای &همه
ButtonNo=&خیر
ButtonNoToAll=خیر برای ه&مه
ButtonFinish=&پایان
ButtonBrowse=&انتخاب...
ButtonWizardBrowse=ان&تخاب...
ButtonNewFolder=&پوشه تازه

; *** "Select Language" dialog messages
SelectLanguageTitle=زبان برنامه نصب
SelectLanguageLabel=زبانی را که در هنگام نصب به کار می‌رود انتخاب کنید.

; *** Common wizard text
ClickNext=برای ادامه «بعدی» و برای خروج از نصب «انصراف» را بزنید.
BrowseDialogTitle=انتخاب پوشه
BrowseDialogLabel=پوشه‌ای را از فهرست زیر انتخاب کنید و «تأیید» را بزنید.
NewFolderName=پوشه تازه

; *** "Welcome" wizard page
WelcomeLabel1=به برنامه نصب [name] خوش آمدید
WelcomeLabel2=این برنامه [name/ver] را روی رایانه شما نصب می‌کند.%n%nپیشنهاد می‌شود پیش از ادامه، برنامه‌های دیگر را ببندید.

; *** "Select Destination Location" wizard page
WizardSelectDir=محل نصب
SelectDirDesc=[name] در کجا نصب شود؟
SelectDirLabel3=[name] در این پوشه نصب خواهد شد.
SelectDirBrowseLabel=برای ادامه «بعدی» را بزنید. برای انتخاب پوشه‌ای دیگر «انتخاب» را بزنید.
DiskSpaceGBLabel=دست‌کم [gb] گیگابایت فضای خالی لازم است.
DiskSpaceMBLabel=دست‌کم [mb] مگابایت فضای خالی لازم است.
DiskSpaceWarningTitle=فضای دیسک کافی نیست
DiskSpaceWarning=نصب دست‌کم به %1 کیلوبایت فضای خالی نیاز دارد، اما دیسک انتخاب‌شده فقط %2 کیلوبایت فضای خالی دارد.%n%nبا این حال ادامه می‌دهید؟
DirExistsTitle=پوشه وجود دارد
DirExists=پوشه%n%n%1%n%nاز پیش وجود دارد. با این حال در همین پوشه نصب شود؟
DirDoesntExistTitle=پوشه وجود ندارد
DirDoesntExist=پوشه%n%n%1%n%nوجود ندارد. ساخته شود؟

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=کارهای بیشتر
SelectTasksDesc=چه کارهای دیگری انجام شود؟
SelectTasksLabel2=کارهایی را که می‌خواهید هنگام نصب [name] انجام شود انتخاب کنید و «بعدی» را بزنید.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=پوشه منوی شروع
SelectStartMenuFolderDesc=میان‌برهای برنامه کجا ساخته شوند؟
SelectStartMenuFolderLabel3=میان‌برهای برنامه در این پوشه از منوی شروع ساخته خواهند شد.
SelectStartMenuFolderBrowseLabel=برای ادامه «بعدی» را بزنید. برای انتخاب پوشه‌ای دیگر «انتخاب» را بزنید.
MustEnterGroupName=باید نام یک پوشه را وارد کنید.
NoProgramGroupCheck2=&پوشه‌ای در منوی شروع ساخته نشود

; *** "Ready to Install" wizard page
WizardReady=آماده نصب
ReadyLabel1=برنامه نصب آماده است تا [name] را روی رایانه شما نصب کند.
ReadyLabel2a=برای نصب «نصب» را بزنید، یا برای بازبینی یا تغییر تنظیمات «قبلی» را بزنید.
ReadyLabel2b=برای نصب «نصب» را بزنید.
ReadyMemoDir=محل نصب:
ReadyMemoGroup=پوشه منوی شروع:
ReadyMemoTasks=کارهای بیشتر:

; *** "Preparing to Install" wizard page
WizardPreparing=آماده‌سازی نصب
PreparingDesc=برنامه نصب در حال آماده شدن برای نصب [name] روی رایانه شماست.
CannotContinue=نصب نمی‌تواند ادامه یابد. برای خروج «انصراف» را بزنید.
ApplicationsFound=برنامه‌های زیر از پرونده‌هایی استفاده می‌کنند که باید به‌روز شوند. پیشنهاد می‌شود اجازه دهید برنامه نصب آن‌ها را خودکار ببندد.
ApplicationsFound2=برنامه‌های زیر از پرونده‌هایی استفاده می‌کنند که باید به‌روز شوند. پیشنهاد می‌شود اجازه دهید برنامه نصب آن‌ها را خودکار ببندد. پس از پایان نصب، برنامه نصب آن‌ها را دوباره باز می‌کند.
CloseApplications=&برنامه‌ها خودکار بسته شوند
DontCloseApplications=برنامه‌ها بسته &نشوند
ErrorCloseApplications=برنامه نصب نتوانست همه برنامه‌ها را خودکار ببندد. پیشنهاد می‌شود پیش از ادامه، برنامه‌هایی را که از پرونده‌های در حال به‌روزرسانی استفاده می‌کنند خودتان ببندید.

; *** "Installing" wizard page
WizardInstalling=در حال نصب
InstallingLabel=لطفاً صبر کنید تا [name] روی رایانه شما نصب شود.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=نصب [name] به پایان رسید
FinishedLabelNoIcons=[name] روی رایانه شما نصب شد.
FinishedLabel=[name] روی رایانه شما نصب شد. برنامه را می‌توانید از میان‌برهای ساخته‌شده باز کنید.
ClickFinish=برای خروج از برنامه نصب «پایان» را بزنید.
RunEntryExec=اجرای %1
RunEntryShellExec=نمایش %1

; *** Installation phase messages
SetupAborted=نصب کامل نشد.%n%nلطفاً مشکل را برطرف کنید و دوباره برنامه نصب را اجرا کنید.

; *** Installation status messages
StatusClosingApplications=در حال بستن برنامه‌ها...
StatusCreateDirs=در حال ساختن پوشه‌ها...
StatusExtractFiles=در حال باز کردن پرونده‌ها...
StatusCreateIcons=در حال ساختن میان‌برها...
StatusCreateRegistryEntries=در حال ثبت در رجیستری...
StatusSavingUninstall=در حال ذخیره آگاهی‌های حذف برنامه...
StatusRunProgram=در حال پایان دادن به نصب...
StatusRestartingApplications=در حال باز کردن دوباره برنامه‌ها...
StatusRollback=در حال بازگرداندن تغییرات...

; *** Uninstall display name markings
UninstallDisplayNameMarkAllUsers=همه کاربران
UninstallDisplayNameMarkCurrentUser=کاربر کنونی

; *** Uninstaller messages
ConfirmUninstall=آیا می‌خواهید %1 و همه بخش‌های آن را به‌طور کامل حذف کنید؟ داده‌ها و تنظیمات شما پاک نمی‌شوند.
UninstallStatusLabel=لطفاً صبر کنید تا %1 از رایانه شما حذف شود.
UninstalledAll=%1 با موفقیت از رایانه شما حذف شد.
UninstalledMost=حذف %1 به پایان رسید.%n%nبرخی بخش‌ها حذف نشدند؛ می‌توانید آن‌ها را خودتان پاک کنید.
WizardUninstalling=وضعیت حذف
StatusUninstalling=در حال حذف %1...

[CustomMessages]
NameAndVersion=%1 نسخه %2
AdditionalIcons=میان‌برهای بیشتر:
CreateDesktopIcon=ساختن میان‌بر روی &میز کار
UninstallProgram=حذف %1
LaunchProgram=اجرای %1
