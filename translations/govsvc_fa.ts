<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>ActionTimeline</name>
    <message>
        <source>No dated actions yet</source>
        <translation>هنوز اقدام تاریخ‌داری نیست</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Service passports</source>
        <translation>شناسنامه خدمات</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approve with signature</source>
        <translation>تأیید با امضا</translation>
    </message>
    <message>
        <source>«{title}» is approved by the head of the agency&apos;s signature over its content, name and date. A change after approval breaks it.</source>
        <translation>«{title}» با امضای رئیس دستگاه بر محتوا، نام و تاریخ آن تأیید می‌شود. هر تغییری پس از تأیید، تأیید را می‌شکند.</translation>
    </message>
    <message>
        <source>Signing identity:</source>
        <translation>کلید امضا:</translation>
    </message>
    <message>
        <source>Key password:</source>
        <translation>گذرواژهٔ کلید:</translation>
    </message>
    <message>
        <source>No signing identity is kept on this computer: import the head&apos;s certificate (or make a test one) on the Send page first.</source>
        <translation>هیچ کلید امضایی در این رایانه نیست؛ نخست در صفحهٔ «ارسال» گواهی رئیس دستگاه را وارد کنید (یا یک گواهی آزمایشی بسازید).</translation>
    </message>
</context>
<context>
    <name>AttachmentsPage</name>
    <message>
        <source>PDF, images (JPEG, PNG, GIF, TIFF, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument)</source>
        <translation>PDF، تصویر (JPEG، PNG، GIF، TIFF، WebP) و سندهای اداری (Word، Excel، PowerPoint، OpenDocument)</translation>
    </message>
    <message>
        <source>Allowed: {types}; up to 25 MB each.</source>
        <translation>پذیرفته: {types}؛ هر پرونده تا ۲۵ مگابایت.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>افزوده در</translation>
    </message>
    <message>
        <source>By</source>
        <translation>به دست</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>افزودن پرونده…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>ذخیرهٔ رونوشت…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>برداشتن</translation>
    </message>
    <message>
        <source>Save the passport first.</source>
        <translation>نخست شناسنامه را ذخیره کنید.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>پیوست‌ها</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>پیوست کردن پرونده</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.jpg *.jpeg *.png *.gif *.tif *.tiff *.webp *.docx *.xlsx *.pptx *.odt *.ods *.doc *.xls);;All files (*)</source>
        <translation>سندها و تصویرها (*.pdf *.jpg *.jpeg *.png *.gif *.tif *.tiff *.webp *.docx *.xlsx *.pptx *.odt *.ods *.doc *.xls);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>ذخیرهٔ رونوشت</translation>
    </message>
    <message>
        <source>Rename attachment</source>
        <translation>تغییر نام پیوست</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>نام تازه:</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>برداشتن پیوست</translation>
    </message>
    <message>
        <source>Take «{name}» off this passport? The history keeps a record of it.</source>
        <translation>«{name}» از این شناسنامه برداشته شود؟ سابقه، یادی از آن نگه می‌دارد.</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;پشتیبان‌گیری اکنون…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;بازگردانی از پشتیبان…</translation>
    </message>
    <message>
        <source>On a server the administrator backs up with pg_dump (db backup).</source>
        <translation>در حالت کارگزار، مدیر سامانه با pg_dump پشتیبان می‌گیرد (db backup).</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>هنوز پشتیبانی گرفته نشده است</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>آخرین پشتیبان: {when}</translation>
    </message>
    <message>
        <source>{status} — back up now (Tools menu)</source>
        <translation>{status} — اکنون پشتیبان بگیرید (منوی ابزارها)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>پشتیبان‌ها</translation>
    </message>
    <message>
        <source>Back up to which folder or USB stick?</source>
        <translation>پشتیبان در کدام پوشه یا حافظهٔ USB نوشته شود؟</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>در حال پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>The backup was written and checked: {path} ({n} passports).</source>
        <translation>پشتیبان نوشته و بررسی شد: {path} ({n} شناسنامه).</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>بازگردانی از پشتیبان</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3 *.db *.bak);;All files (*)</source>
        <translation>پشتیبان‌ها (*.sqlite3 *.db *.bak);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>در حال بررسی پشتیبان…</translation>
    </message>
    <message>
        <source>«{name}» is a sound database of this program with {n} passports.
Replace the data you are working on with it? The current database is kept aside first, and open windows are closed.</source>
        <translation>«{name}» پایگاه دادهٔ سالمِ این برنامه با {n} شناسنامه است.
داده‌هایی که با آن کار می‌کنید با آن جایگزین شود؟ پایگاه دادهٔ کنونی نخست کنار گذاشته می‌شود و پنجره‌های باز بسته می‌شوند.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>در حال بازگردانی…</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <source>Print forms</source>
        <translation>چاپ فرم‌ها</translation>
    </message>
    <message>
        <source>%1 passports will be printed.</source>
        <translation>%1 شناسنامه چاپ می‌شود.</translation>
    </message>
    <message>
        <source>All forms in one PDF file</source>
        <translation>همه فرم‌ها در یک پرونده PDF</translation>
    </message>
    <message>
        <source>One PDF file per passport, in a folder</source>
        <translation>برای هر شناسنامه یک پرونده PDF، در یک پوشه</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>ذخیره در:</translation>
    </message>
    <message>
        <source>Print numbers with Latin digits</source>
        <translation>چاپ اعداد با رقم‌های لاتین</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>ذخیره PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>انتخاب پوشه</translation>
    </message>
    <message>
        <source>Choose where the forms are saved.</source>
        <translation>جای ذخیره فرم‌ها را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Printing was cancelled; {forms} passports were ready before that.</source>
        <translation>چاپ لغو شد؛ {forms} شناسنامه پیش از لغو آماده شده بود.</translation>
    </message>
    <message>
        <source>{forms} passports printed on {pages} pages.</source>
        <translation>{forms} شناسنامه در {pages} صفحه چاپ شد.</translation>
    </message>
    <message>
        <source>Characters the font lacks were printed as a replacement mark: {chars}</source>
        <translation>نویسه‌هایی که قلم ندارد با علامت جایگزین چاپ شد: {chars}</translation>
    </message>
    <message>
        <source>Printing forms…</source>
        <translation>در حال چاپ فرم‌ها…</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Publish the service catalogue</source>
        <translation>انتشار فهرست خدمات</translation>
    </message>
    <message>
        <source>A website that opens from a folder or a USB stick and can be copied onto the agency&apos;s portal as it is: only approved, valid service passports, without anyone&apos;s name or ID, with CPSV-AP linked data.</source>
        <translation>وب‌سایتی که از یک پوشه یا حافظهٔ جانبی باز می‌شود و همان‌گونه که هست روی درگاه دستگاه گذاشته می‌شود: فقط شناسنامه‌های تأییدشده و معتبر خدمات، بی‌نام و شناسهٔ هیچ کس، همراه با دادهٔ پیوندی CPSV-AP.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>پوشه</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>پوشه:</translation>
    </message>
    <message>
        <source>default: the agency&apos;s name</source>
        <translation>پیش‌فرض: نام دستگاه</translation>
    </message>
    <message>
        <source>Catalogue title:</source>
        <translation>عنوان فهرست:</translation>
    </message>
    <message>
        <source>Portal address (optional):</source>
        <translation>نشانی درگاه (اختیاری):</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
    <message>
        <source>Nature:</source>
        <translation>ماهیت:</translation>
    </message>
    <message>
        <source>Electronic:</source>
        <translation>ارائهٔ الکترونیکی:</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>الکترونیکی</translation>
    </message>
    <message>
        <source>Non-electronic</source>
        <translation>الکترونیکی‌نشده</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>انتشار</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Folder of the website</source>
        <translation>پوشهٔ وب‌سایت</translation>
    </message>
    <message>
        <source>Choose the folder the website is written to.</source>
        <translation>پوشه‌ای را که وب‌سایت در آن نوشته می‌شود انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>ChainDialog</name>
    <message>
        <source>Inter-agency service chain</source>
        <translation>زنجیرهٔ خدمات بین‌دستگاهی</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Final service:</source>
        <translation>خدمت نهایی:</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Service ID</source>
        <translation>کد شناسه خدمت</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <source>Data exchanged</source>
        <translation>دادهٔ مبادله‌شده</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>افزودن حلقه</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>حذف حلقه</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>بالاتر</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>پایین‌تر</translation>
    </message>
</context>
<context>
    <name>CycleTab</name>
    <message>
        <source>Representative&apos;s report…</source>
        <translation>گزارش نمایندهٔ دستگاه…</translation>
    </message>
    <message>
        <source>Lesson learned…</source>
        <translation>درس آموخته…</translation>
    </message>
    <message>
        <source>New service chain…</source>
        <translation>زنجیرهٔ خدمات تازه…</translation>
    </message>
    <message>
        <source>Cycle report PDF…</source>
        <translation>PDF گزارش چرخه…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>تأییدیه</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>شواهد</translation>
    </message>
    <message>
        <source>Steps of the smartification cycle</source>
        <translation>گام‌های چرخه هوشمندسازی</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>رکورد</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Reports, lessons and chains</source>
        <translation>گزارش‌ها، درس‌آموخته‌ها و زنجیره‌ها</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>مهلت رسیدگی:</translation>
    </message>
    <message>
        <source>Validation approval on:</source>
        <translation>تاریخ تأییدیهٔ اعتبارسنجی:</translation>
    </message>
    <message>
        <source>Approval reference:</source>
        <translation>شمارهٔ تأییدیه:</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>واحد مسئول:</translation>
    </message>
    <message>
        <source>Evidence (one per line, title | reference):</source>
        <translation>شواهد (هر سطر یکی، عنوان | شماره):</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>توضیح:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>Representative:</source>
        <translation>نمایندهٔ دستگاه:</translation>
    </message>
    <message>
        <source>Reported on:</source>
        <translation>تاریخ گزارش:</translation>
    </message>
    <message>
        <source>Progress of the cycle:</source>
        <translation>میزان تحقق چرخه:</translation>
    </message>
    <message>
        <source>Challenges:</source>
        <translation>چالش‌ها:</translation>
    </message>
    <message>
        <source>Risks:</source>
        <translation>ریسک‌های محتمل:</translation>
    </message>
    <message>
        <source>Remedies:</source>
        <translation>راهکارها:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>گام:</translation>
    </message>
    <message>
        <source>Recorded on:</source>
        <translation>تاریخ ثبت:</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>زمینه:</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>درس آموخته:</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>از موعد گذشته</translation>
    </message>
    <message>
        <source>%1 of 9 steps approved; %2 overdue</source>
        <translation>%1 گام از ۹ گام تأیید شده؛ %2 گام از موعد گذشته</translation>
    </message>
    <message>
        <source>Cycle report PDF</source>
        <translation>PDF گزارش چرخه</translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <source>Record an event…</source>
        <translation>ثبت رویداد…</translation>
    </message>
    <message>
        <source>Export calendar (.ics)…</source>
        <translation>خروجی تقویم (iCalendar)…</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>موعد</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Obligation</source>
        <translation>تکلیف</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>مبنای مقررات</translation>
    </message>
    <message>
        <source>Starts with</source>
        <translation>آغاز از</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>مواعد</translation>
    </message>
    <message>
        <source>%1 deadlines, %2 overdue. Double-click a deadline to open its record.</source>
        <translation>%1 موعد، %2 موعد گذشته. برای باز کردن رکورد هر موعد روی آن دوبار کلیک کنید.</translation>
    </message>
    <message>
        <source>The %1 most urgent are shown; `deadlines list` has them all.</source>
        <translation>%1 موعد فوری‌تر نشان داده شده است؛ همه را `deadlines list` می‌دهد.</translation>
    </message>
    <message>
        <source>Record an event</source>
        <translation>ثبت رویداد</translation>
    </message>
    <message>
        <source>The date is not valid.</source>
        <translation>تاریخ درست نیست.</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>خروجی تقویم</translation>
    </message>
    <message>
        <source>Writing the calendar…</source>
        <translation>نوشتن تقویم…</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>{amount} rials</source>
        <translation>{amount} ریال</translation>
    </message>
    <message>
        <source>row {n}</source>
        <translation>ردیف {n}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} مگابایت</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} کیلوبایت</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} بایت</translation>
    </message>
</context>
<context>
    <name>EditorSections</name>
    <message>
        <source>Identity and classification</source>
        <translation>شناسه و طبقه‌بندی</translation>
    </message>
    <message>
        <source>Laws and licences</source>
        <translation>مبانی قانونی و مجوزها</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>ارائه خدمت</translation>
    </message>
    <message>
        <source>Inquiries, documents and steps</source>
        <translation>استعلام‌ها، مدارک و مراحل</translation>
    </message>
    <message>
        <source>Figures and fees</source>
        <translation>آمار، هزینه‌ها و تعرفه‌ها</translation>
    </message>
    <message>
        <source>Life cycle</source>
        <translation>چرخه عمر</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>Something went wrong in the program. Your saved data is safe; the details were written to the log file:
{path}</source>
        <translation>در برنامه اشکالی پیش آمد. داده‌های ذخیره‌شدهٔ شما سالم است؛ جزئیات در پروندهٔ گزارش نوشته شد:
{path}</translation>
    </message>
    <message>
        <source>Program error</source>
        <translation>اشکال برنامه</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>رونوشت جزئیات</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Record an event</source>
        <translation>ثبت رویداد</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>رویداد:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>توضیح:</translation>
    </message>
</context>
<context>
    <name>EventLogsTab</name>
    <message>
        <source>Import CSV log…</source>
        <translation>ورود رویدادنگار CSV…</translation>
    </message>
    <message>
        <source>Export XES…</source>
        <translation>خروجی XES…</translation>
    </message>
    <message>
        <source>Put average time into the passport</source>
        <translation>ثبت میانگین زمان در شناسنامه</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>A log is a CSV file with the columns case, activity, timestamp and resource (Persian headers also work); times may be Jalali.</source>
        <translation>رویدادنگار پروندهٔ CSV با ستون‌های پرونده، فعالیت، زمان و منبع است (case, activity, timestamp, resource)؛ زمان‌ها می‌توانند شمسی باشند.</translation>
    </message>
    <message>
        <source>Service ID</source>
        <translation>کد شناسه خدمت</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>پرونده‌ها</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>رویدادها</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>فعالیت‌ها</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Average case time</source>
        <translation>میانگین زمان پرونده</translation>
    </message>
    <message>
        <source>Median case time</source>
        <translation>میانهٔ زمان پرونده</translation>
    </message>
    <message>
        <source>Event logs by service</source>
        <translation>رویدادنگارها به تفکیک خدمت</translation>
    </message>
    <message>
        <source>Service ID:</source>
        <translation>شناسهٔ خدمت:</translation>
    </message>
    <message>
        <source>Import event log</source>
        <translation>ورود رویدادنگار</translation>
    </message>
    <message>
        <source>Event log</source>
        <translation>رویدادنگار</translation>
    </message>
    <message>
        <source>Event logs (*.csv *.txt)</source>
        <translation>رویدادنگارها (*.csv *.txt)</translation>
    </message>
    <message>
        <source>%1 events of %2 cases imported</source>
        <translation>%1 رویداد از %2 پرونده وارد شد</translation>
    </message>
    <message>
        <source>Importing the event log…</source>
        <translation>در حال ورود رویدادنگار…</translation>
    </message>
    <message>
        <source>Export XES</source>
        <translation>خروجی XES</translation>
    </message>
    <message>
        <source>Choose a service first.</source>
        <translation>نخست خدمتی را برگزینید.</translation>
    </message>
    <message>
        <source>Writing XES…</source>
        <translation>در حال نوشتن XES…</translation>
    </message>
    <message>
        <source>Service time</source>
        <translation>زمان ارائهٔ خدمت</translation>
    </message>
    <message>
        <source>The passport&apos;s service time is now %1 %2</source>
        <translation>زمان ارائهٔ خدمت در شناسنامه اکنون %1 %2 است</translation>
    </message>
</context>
<context>
    <name>ExcelImportDialog</name>
    <message>
        <source>Import from Excel</source>
        <translation>ورود از Excel</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Check file</source>
        <translation>بررسی پرونده</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Save problem report…</source>
        <translation>ذخیره گزارش مشکلات…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Choose a workbook filled from the template or exported by this application. Nothing is saved until you press Import.</source>
        <translation>کارپوشه‌ای را که از روی الگو پر شده یا از همین برنامه گرفته شده است برگزینید. تا «ورود» را نزنید چیزی ذخیره نمی‌شود.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Import the records without errors and leave the rest (otherwise all or nothing)</source>
        <translation>رکوردهای بی‌خطا وارد شوند و بقیه کنار بمانند (وگرنه یا همه یا هیچ)</translation>
    </message>
    <message>
        <source>Choose a workbook</source>
        <translation>انتخاب کارپوشه</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>کارپوشه‌های Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>کلید</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>چه می‌شود</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>برگه</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>سلول</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>مشکل</translation>
    </message>
    <message>
        <source>Choose a workbook first.</source>
        <translation>نخست کارپوشه را برگزینید.</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>در حال بررسی کارپوشه…</translation>
    </message>
    <message>
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <source>update</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>بی‌تغییر</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>وارد نمی‌شود</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <source>Checked; nothing was saved</source>
        <translation>بررسی شد؛ چیزی ذخیره نشد</translation>
    </message>
    <message>
        <source>No record was imported</source>
        <translation>هیچ رکوردی وارد نشد</translation>
    </message>
    <message>
        <source>{head}: {new} new, {updated} updated, {same} unchanged, {skipped} not imported; {errors} errors, {warnings} warnings</source>
        <translation>{head}: {new} تازه، {updated} به‌روزشده، {same} بی‌تغییر، {skipped} واردنشده؛ {errors} خطا، {warnings} هشدار</translation>
    </message>
    <message>
        <source>Correct the errors in the workbook and check it again, or go back and choose to import only the records without errors.</source>
        <translation>خطاها را در کارپوشه اصلاح و دوباره بررسی کنید، یا بازگردید و ورود فقط رکوردهای بی‌خطا را برگزینید.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>هشدار</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>در حال ورود…</translation>
    </message>
    <message>
        <source>Save problem report</source>
        <translation>ذخیره گزارش مشکلات</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>{column}, row {row}</source>
        <translation>{column}، ردیف {row}</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>عملیات</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>پیشین</translation>
    </message>
    <message>
        <source>After</source>
        <translation>تازه</translation>
    </message>
    <message>
        <source>History of this passport</source>
        <translation>تاریخچه این شناسنامه</translation>
    </message>
    <message>
        <source>Show earlier edition</source>
        <translation>نمایش ویرایش پیشین</translation>
    </message>
    <message>
        <source>created</source>
        <translation>ایجاد</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>ورود از پرونده</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>تمدید</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Earlier editions: {n}</source>
        <translation>ویرایش‌های پیشین: {n}</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>No.</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>سو</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>رکوردها</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>تأیید مرکز</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>اثر انگشت SHA-256</translation>
    </message>
    <message>
        <source>Bundles sent and received</source>
        <translation>بسته‌های فرستاده و دریافت‌شده</translation>
    </message>
    <message>
        <source>passports</source>
        <translation>شناسنامه</translation>
    </message>
    <message>
        <source>plans</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>proposed services</source>
        <translation>خدمت پیشنهادی</translation>
    </message>
    <message>
        <source>decisions</source>
        <translation>نظر مرکز</translation>
    </message>
    <message>
        <source>PDF forms</source>
        <translation>فرم PDF</translation>
    </message>
    <message>
        <source>evidence files</source>
        <translation>پرونده شاهد</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>تغییرات</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>کامل</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>فرستاده</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>دریافتی</translation>
    </message>
</context>
<context>
    <name>IndicatorChart</name>
    <message>
        <source>Indicator chart</source>
        <translation>نمودار شاخص</translation>
    </message>
    <message>
        <source>Choose an indicator with values to see its chart</source>
        <translation>شاخصی را که مقدار دارد برگزینید تا نمودارش دیده شود</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <source>a number, for example {example}</source>
        <translation>یک عدد، مانند {example}</translation>
    </message>
    <message>
        <source>write the date as year/month/day, for example {example}</source>
        <translation>تاریخ را به شکل سال/ماه/روز بنویسید، مانند {example}</translation>
    </message>
    <message>
        <source>the year {year} is not a Jalali year; {expected}</source>
        <translation>سال {year} سال خورشیدی نیست؛ {expected}</translation>
    </message>
    <message>
        <source>there is no month {month}: months run from 1 to 12; {expected}</source>
        <translation>ماه {month} نداریم: ماه‌ها از ۱ تا ۱۲ هستند؛ {expected}</translation>
    </message>
    <message>
        <source>{month} {year} has {days} days, not {day}</source>
        <translation>{month} {year} {days} روز دارد، نه {day}</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>تقویم</translation>
    </message>
    <message>
        <source>Choose from the calendar</source>
        <translation>انتخاب از تقویم</translation>
    </message>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation>انتخاب از تقویم (Alt+پایین)</translation>
    </message>
    <message>
        <source>Jalali date, year/month/day; Alt+Down opens a calendar</source>
        <translation>تاریخ خورشیدی، سال/ماه/روز؛ Alt+پایین تقویم را باز می‌کند</translation>
    </message>
    <message>
        <source>Sum in rials</source>
        <translation>مبلغ به ریال</translation>
    </message>
    <message>
        <source>a whole number of rials, for example {example}</source>
        <translation>مبلغی بی‌اعشار به ریال، مانند {example}</translation>
    </message>
    <message>
        <source>a whole number, for example {example}</source>
        <translation>عددی بی‌اعشار، مانند {example}</translation>
    </message>
</context>
<context>
    <name>LicencesTab</name>
    <message>
        <source>Import licence list…</source>
        <translation>ورود فهرست مجوزها…</translation>
    </message>
    <message>
        <source>New licence…</source>
        <translation>مجوز تازه…</translation>
    </message>
    <message>
        <source>Map to a service…</source>
        <translation>نگاشت به خدمت…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Licence code</source>
        <translation>کد مجوز</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>مرجع صدور</translation>
    </message>
    <message>
        <source>Service ID</source>
        <translation>کد شناسه خدمت</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>بررسی</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>مجوزها</translation>
    </message>
    <message>
        <source>Licence code:</source>
        <translation>کد مجوز:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>مرجع صدور:</translation>
    </message>
    <message>
        <source>Service ID it maps to:</source>
        <translation>شناسهٔ خدمت نگاشته‌شده:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>توضیح:</translation>
    </message>
    <message>
        <source>%1 licences; %2 with a problem; %3 problems in passports (a licence the list lacks, or a licensing service without one)</source>
        <translation>%1 مجوز؛ %2 مجوز با اشکال؛ %3 اشکال در شناسنامه‌ها (مجوزی که در فهرست نیست، یا خدمت صدور مجوز بی‌مجوز)</translation>
    </message>
    <message>
        <source>Licence list</source>
        <translation>فهرست مجوزها</translation>
    </message>
    <message>
        <source>Licence lists (*.csv *.xlsx)</source>
        <translation>فهرست مجوزها (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>%1 added, %2 updated, %3 unchanged</source>
        <translation>%1 تازه، %2 به‌روز، %3 بی‌تغییر</translation>
    </message>
    <message>
        <source>Map licence</source>
        <translation>نگاشت مجوز</translation>
    </message>
    <message>
        <source>Service ID for %1:</source>
        <translation>شناسهٔ خدمت برای %1:</translation>
    </message>
</context>
<context>
    <name>LifecyclePanel</name>
    <message>
        <source>Comment (required when returning)</source>
        <translation>توضیح (برای برگشت دادن لازم است)</translation>
    </message>
    <message>
        <source>Renew (new edition)</source>
        <translation>تمدید (ویرایش تازه)</translation>
    </message>
    <message>
        <source>Validity: {state} (until {date})</source>
        <translation>اعتبار: {state} (تا {date})</translation>
    </message>
    <message>
        <source>Approval signature valid: {signer}, {date}, certificate {fingerprint}</source>
        <translation>امضای تأیید معتبر است: {signer}، {date}، گواهی {fingerprint}</translation>
    </message>
    <message>
        <source>Approval signature broken: {reason}</source>
        <translation>امضای تأیید شکسته است: {reason}</translation>
    </message>
    <message>
        <source>Approved without the head&apos;s signature</source>
        <translation>تأییدشده بدون امضای رئیس دستگاه</translation>
    </message>
    <message>
        <source>Renew</source>
        <translation>تمدید</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Log in to the office server with your own account.</source>
        <translation>با حساب کاربری خودتان به کارگزار اداره وارد شوید.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>کارگزار</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>نام کاربری و گذرواژه را وارد کنید.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Service passports</source>
        <translation>شناسنامه خدمات</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <source>Search title, service ID, agency, description…</source>
        <translation>جستجو در عنوان، کد شناسه، دستگاه، شرح…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>همه وضعیت‌ها</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همه استان‌ها</translation>
    </message>
    <message>
        <source>Any nature</source>
        <translation>هر ماهیتی</translation>
    </message>
    <message>
        <source>Electronic or not</source>
        <translation>الکترونیکی یا غیرالکترونیکی</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>الکترونیکی</translation>
    </message>
    <message>
        <source>Not electronic</source>
        <translation>غیرالکترونیکی</translation>
    </message>
    <message>
        <source>Any validity</source>
        <translation>هر اعتباری</translation>
    </message>
    <message>
        <source>Expired or expiring within 30 days</source>
        <translation>منقضی یا رو به انقضا تا ۳۰ روز</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>پالایش بر پایه وضعیت</translation>
    </message>
    <message>
        <source>Filter by province</source>
        <translation>پالایش بر پایه استان</translation>
    </message>
    <message>
        <source>Filter by nature</source>
        <translation>پالایش بر پایه ماهیت</translation>
    </message>
    <message>
        <source>Filter by electronic delivery</source>
        <translation>پالایش بر پایه ارائه الکترونیکی</translation>
    </message>
    <message>
        <source>Filter by validity</source>
        <translation>پالایش بر پایه اعتبار</translation>
    </message>
    <message>
        <source>Search passports</source>
        <translation>جستجوی شناسنامه‌ها</translation>
    </message>
    <message>
        <source>Enter opens the passport</source>
        <translation>کلید Enter شناسنامه را باز می‌کند</translation>
    </message>
    <message>
        <source>Passports</source>
        <translation>شناسنامه‌ها</translation>
    </message>
    <message>
        <source>&amp;Passports</source>
        <translation>&amp;شناسنامه‌ها</translation>
    </message>
    <message>
        <source>&amp;New passport</source>
        <translation>&amp;شناسنامه تازه</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;باز کردن</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>&amp;حذف پیش‌نویس</translation>
    </message>
    <message>
        <source>&amp;Print forms…</source>
        <translation>&amp;چاپ فرم‌ها…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;ورود از Excel…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;خروجی Excel…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تازه‌سازی</translation>
    </message>
    <message>
        <source>Empty Excel &amp;template…</source>
        <translation>&amp;الگوی خالی Excel…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;جستجو…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;پایان کار</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;تنظیمات…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;درباره برنامه</translation>
    </message>
    <message>
        <source>New passport</source>
        <translation>شناسنامه تازه</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>بازگردانی از پشتیبان</translation>
    </message>
    <message>
        <source>The backup was restored. The data you were working on is kept in {path}.</source>
        <translation>پشتیبان بازگردانده شد. داده‌هایی که با آن کار می‌کردید در {path} نگه داشته شد.</translation>
    </message>
    <message>
        <source>Service passports, version {version}
Service passports and process improvement plans for executive agencies.
Database: {db}</source>
        <translation>شناسنامه خدمات، نگارش {version}
شناسنامه خدمات و برنامه‌های بهبود فرایند دستگاه‌های اجرایی.
پایگاه داده: {db}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>حذف پیش‌نویس</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;ابزارها</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>Unsaved changes to “{title}” were kept when the program last stopped. Restore them?</source>
        <translation>تغییرات ذخیره‌نشده «{title}» هنگام بسته شدن پیشین برنامه نگه داشته شد. بازگردانده شود؟</translation>
    </message>
    <message>
        <source>About</source>
        <translation>درباره برنامه</translation>
    </message>
    <message>
        <source>{n} passports</source>
        <translation>{n} شناسنامه</translation>
    </message>
    <message>
        <source>Database unreachable: %1 — your edits are kept as drafts on this computer.</source>
        <translation>پایگاه داده در دسترس نیست: %1 — ویرایش‌های شما به‌صورت پیش‌نویس روی همین رایانه نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>There is nothing to print.</source>
        <translation>چیزی برای چاپ نیست.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>کارپوشه‌های Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>There is nothing to export.</source>
        <translation>چیزی برای خروجی نیست.</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>خروجی Excel</translation>
    </message>
    <message>
        <source>Exporting to Excel…</source>
        <translation>در حال نوشتن کارپوشه Excel…</translation>
    </message>
    <message>
        <source>%1 passports were written to %2.</source>
        <translation>%1 شناسنامه در %2 نوشته شد.</translation>
    </message>
    <message>
        <source>Empty Excel template</source>
        <translation>الگوی خالی Excel</translation>
    </message>
    <message>
        <source>Delete the draft “{title}” for good? This cannot be undone.</source>
        <translation>پیش‌نویس «{title}» برای همیشه حذف شود؟ این کار برگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <source>Unsaved draft found</source>
        <translation>پیش‌نویس ذخیره‌نشده یافت شد</translation>
    </message>
    <message>
        <source>Preparing demo data…</source>
        <translation>در حال ساختن داده‌های نمونه…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Compare and merge</source>
        <translation>مقایسه و ادغام</translation>
    </message>
    <message>
        <source>Choose, for each field, which version to keep.</source>
        <translation>برای هر فیلد، نسخه‌ای را که باید بماند برگزینید.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>نسخه من</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>نسخه دیگری</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>نگه‌داشتن نسخه من</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>نگه‌داشتن نسخه دیگری</translation>
    </message>
</context>
<context>
    <name>ObligationsPage</name>
    <message>
        <source>Compliance</source>
        <translation>وضعیت تکالیف</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>مواعد</translation>
    </message>
    <message>
        <source>Service lists</source>
        <translation>فهرست‌های خدمات</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>مجوزها</translation>
    </message>
    <message>
        <source>Services without ID</source>
        <translation>خدمات بدون شناسه</translation>
    </message>
    <message>
        <source>Smartification cycle</source>
        <translation>چرخهٔ هوشمندسازی</translation>
    </message>
    <message>
        <source>Event logs</source>
        <translation>رویدادنگارها</translation>
    </message>
    <message>
        <source>Official lists</source>
        <translation>فهرست‌های رسمی</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>تکالیف</translation>
    </message>
    <message>
        <source>Obligations not met</source>
        <translation>تکالیف انجام‌نشده</translation>
    </message>
    <message>
        <source>Enter opens the record</source>
        <translation>کلید Enter رکورد را باز می‌کند</translation>
    </message>
    <message>
        <source>Fields approval needs</source>
        <translation>فیلدهای لازم برای تأیید</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Obligation</source>
        <translation>تکلیف</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Field approval needs</source>
        <translation>فیلد لازم برای تأیید</translation>
    </message>
    <message>
        <source>Passports</source>
        <translation>شناسنامه‌ها</translation>
    </message>
    <message>
        <source>… and %1 more (see the CLI)</source>
        <translation>… و %1 مورد دیگر (در خط فرمان ببینید)</translation>
    </message>
    <message>
        <source>%1 passports; %2 items need attention. Double-click an item to open its record.</source>
        <translation>%1 شناسنامه؛ %2 مورد نیاز به رسیدگی دارد. با دوبار کلیک هر مورد، رکورد آن باز می‌شود.</translation>
    </message>
    <message>
        <source>Include services without a valid approved passport</source>
        <translation>خدمات بدون شناسنامهٔ تأییدشدهٔ معتبر هم بیایند</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>ذخیره به صورت PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>ذخیره به صورت اکسل…</translation>
    </message>
    <message>
        <source>Publish website…</source>
        <translation>انتشار وب‌سایت…</translation>
    </message>
    <message>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <source>Service ID</source>
        <translation>کد شناسه خدمت</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>الکترونیکی</translation>
    </message>
    <message>
        <source>Non-electronic</source>
        <translation>الکترونیکی‌نشده</translation>
    </message>
    <message>
        <source>Counter offices</source>
        <translation>دفاتر پیشخوان</translation>
    </message>
    <message>
        <source> (%1 services left out: no valid approved passport)</source>
        <translation> (%1 خدمت بی‌شناسنامهٔ تأییدشدهٔ معتبر کنار ماند)</translation>
    </message>
    <message>
        <source>Publishing the service catalogue…</source>
        <translation>در حال انتشار فهرست خدمات…</translation>
    </message>
    <message>
        <source>Service catalogue</source>
        <translation>فهرست خدمات</translation>
    </message>
    <message>
        <source>What was left out, and why, is in the details.</source>
        <translation>آنچه منتشر نشد و چرایی آن در جزئیات آمده است.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Improvement</source>
        <translation>بهبود فرایند</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>تکالیف دستگاه</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>دریافت</translation>
    </message>
</context>
<context>
    <name>PartTableBinding</name>
    <message>
        <source>Add row</source>
        <translation>افزودن ردیف</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>حذف ردیف</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>بالا بردن</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>پایین آوردن</translation>
    </message>
</context>
<context>
    <name>PassportEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <source>&amp;Check rules</source>
        <translation>&amp;بررسی قواعد</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;کنار گذاشتن تغییرات</translation>
    </message>
    <message>
        <source>&amp;Print form…</source>
        <translation>&amp;چاپ فرم…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>پیوست‌ها</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>&amp;Passport</source>
        <translation>&amp;شناسنامه</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>ب&amp;ستن</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>کمبودها</translation>
    </message>
    <message>
        <source>Enter on a problem goes to its field</source>
        <translation>Enter روی هر کمبود به فیلد آن می‌رود</translation>
    </message>
    <message>
        <source>Sections of the passport</source>
        <translation>بخش‌های شناسنامه</translation>
    </message>
    <message>
        <source>{title} — {id} — {status}</source>
        <translation>{title} — {id} — {status}</translation>
    </message>
    <message>
        <source>New passport</source>
        <translation>شناسنامه تازه</translation>
    </message>
    <message>
        <source>no ID</source>
        <translation>بدون شناسه</translation>
    </message>
    <message>
        <source>“{field}”: {reason}</source>
        <translation>«{field}»: {reason}</translation>
    </message>
    <message>
        <source>not a valid value</source>
        <translation>مقدار درستی نیست</translation>
    </message>
    <message>
        <source>{blocking} problems prevent saving, {other} prevent approval, {warnings} warnings</source>
        <translation>{blocking} مشکل مانع ذخیره، {other} مشکل مانع تأیید و {warnings} هشدار</translation>
    </message>
    <message>
        <source>Rules checked: no problems found.</source>
        <translation>قواعد بررسی شد: کمبودی نیست.</translation>
    </message>
    <message>
        <source>Print form</source>
        <translation>چاپ فرم</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>فرم: %1</translation>
    </message>
    <message>
        <source>The font lacks some characters; they are printed as a replacement mark: %1</source>
        <translation>قلم برخی نویسه‌ها را ندارد؛ به جای آن‌ها علامت جایگزین چاپ می‌شود: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>ذخیره نشد</translation>
    </message>
    <message>
        <source>Saved at {time}.</source>
        <translation>ساعت {time} ذخیره شد.</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>تغییر به دست کاربر دیگر</translation>
    </message>
    <message>
        <source>Compare and merge</source>
        <translation>مقایسه و ادغام</translation>
    </message>
    <message>
        <source>Load their version</source>
        <translation>بارگذاری نسخه دیگری</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>ادامه ویرایش</translation>
    </message>
    <message>
        <source>Changes discarded.</source>
        <translation>تغییرها کنار گذاشته شد.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>This passport has unsaved changes. Save them before closing?</source>
        <translation>این شناسنامه تغییرات ذخیره‌نشده دارد. پیش از بستن ذخیره شود؟</translation>
    </message>
</context>
<context>
    <name>PassportTableModel</name>
    <message>
        <source>Service ID</source>
        <translation>کد شناسه</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>اعتبار</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>اعتبار تا</translation>
    </message>
    <message>
        <source>Loading passports…</source>
        <translation>در حال خواندن شناسنامه‌ها…</translation>
    </message>
    <message>
        <source>no ID</source>
        <translation>بدون شناسه</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>ذخیره با نام…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>باز کردن در نمایشگر PDF</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 صفحه</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>ذخیره PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>No PDF viewer is set up; the file is at %1</source>
        <translation>نمایشگر PDF تنظیم نشده است؛ پرونده در %1 است</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>چاپگر آغاز به کار نکرد.</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <source>Improvement plan: %1</source>
        <translation>برنامه بهبود: %1</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>شاخص‌ها</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>اقدامات</translation>
    </message>
    <message>
        <source>Quarterly reports</source>
        <translation>گزارش‌های سه‌ماهه</translation>
    </message>
    <message>
        <source>Provincial verification</source>
        <translation>راستی‌آزمایی استانی</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Parts of the plan</source>
        <translation>بخش‌های برنامه</translation>
    </message>
    <message>
        <source>Improvement period starts</source>
        <translation>آغاز دوره بهبود</translation>
    </message>
    <message>
        <source>Improvement period ends</source>
        <translation>پایان دوره بهبود</translation>
    </message>
    <message>
        <source>Steering council approval number</source>
        <translation>شماره مصوبه شورای راهبری</translation>
    </message>
    <message>
        <source>Steering council approval date</source>
        <translation>تاریخ مصوبه شورای راهبری</translation>
    </message>
    <message>
        <source>IDs this action waits for</source>
        <translation>شناسه اقدام‌هایی که این اقدام منتظر آن‌هاست</translation>
    </message>
    <message>
        <source>Values this quarter</source>
        <translation>مقدارهای این سه‌ماهه</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>شواهد</translation>
    </message>
    <message>
        <source>Verifications</source>
        <translation>راستی‌آزمایی‌ها</translation>
    </message>
    <message>
        <source>Verified values</source>
        <translation>مقدارهای راستی‌آزمایی‌شده</translation>
    </message>
    <message>
        <source>Quarter of the new report</source>
        <translation>سه‌ماهه گزارش تازه</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>خدمت:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Improvement period:</source>
        <translation>دوره بهبود:</translation>
    </message>
    <message>
        <source>Goals:</source>
        <translation>اهداف:</translation>
    </message>
    <message>
        <source>Approaches:</source>
        <translation>رویکردها:</translation>
    </message>
    <message>
        <source>dated</source>
        <translation>مورخ</translation>
    </message>
    <message>
        <source>Steering council approval:</source>
        <translation>مصوبه شورای راهبری تحول اداری:</translation>
    </message>
    <message>
        <source>Only for a provincial slice</source>
        <translation>فقط برای برش استانی</translation>
    </message>
    <message>
        <source>Pilot province:</source>
        <translation>استان برش استانی:</translation>
    </message>
    <message>
        <source>Approved by the Organisation on:</source>
        <translation>تاریخ تأیید سازمان:</translation>
    </message>
    <message>
        <source>Provincial slice approved on:</source>
        <translation>تاریخ تصویب برش استانی:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Explanation (below 30%):</source>
        <translation>توضیح (کاهش کمتر از ۳۰٪):</translation>
    </message>
    <message>
        <source>Standard time approved by the Organisation (note 5), reference:</source>
        <translation>شمارهٔ تأیید زمان استاندارد از سوی سازمان (تبصره ۵):</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد سنجش</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>پیش از بهبود</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>Time unit before</source>
        <translation>واحد زمان پیش</translation>
    </message>
    <message>
        <source>Time unit target</source>
        <translation>واحد زمان هدف</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>کاهش</translation>
    </message>
    <message>
        <source>Add indicator</source>
        <translation>افزودن شاخص</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>حذف شاخص</translation>
    </message>
    <message>
        <source>A number in the indicators table cannot be read.</source>
        <translation>عددی در جدول شاخص‌ها خوانده نمی‌شود.</translation>
    </message>
    <message>
        <source>The target cuts average service time by at least 30%.</source>
        <translation>هدف، میانگین زمان ارائه خدمت را دست‌کم ۳۰ درصد کاهش می‌دهد.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>شناسه</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>واحد مسئول</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>End</source>
        <translation>پایان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Percent done</source>
        <translation>درصد پیشرفت</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>افزودن اقدام</translation>
    </message>
    <message>
        <source>Remove action</source>
        <translation>حذف اقدام</translation>
    </message>
    <message>
        <source>IDs this action waits for, separated by commas</source>
        <translation>شناسه اقدام‌هایی که این اقدام منتظر آن‌هاست، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>Depends on:</source>
        <translation>پیش‌نیازها:</translation>
    </message>
    <message>
        <source>Add report</source>
        <translation>افزودن گزارش</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>شرح پیشرفت:</translation>
    </message>
    <message>
        <source>Challenges:</source>
        <translation>چالش‌ها:</translation>
    </message>
    <message>
        <source>Remedies:</source>
        <translation>راهکارها:</translation>
    </message>
    <message>
        <source>Submitted on:</source>
        <translation>تاریخ ارسال:</translation>
    </message>
    <message>
        <source>Value this quarter</source>
        <translation>مقدار این سه‌ماهه</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>مقادیر:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>شواهد:</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>افزودن شاهد…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Set the improvement period first; reports follow its quarters.</source>
        <translation>نخست دوره بهبود را تعیین کنید؛ گزارش‌ها بر پایه سه‌ماهه‌های آن است.</translation>
    </message>
    <message>
        <source>Choose a report first.</source>
        <translation>نخست گزارشی را برگزینید.</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>پرونده شاهد</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>راستی‌آزما</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>نظر</translation>
    </message>
    <message>
        <source>Verified value</source>
        <translation>مقدار راستی‌آزمایی‌شده</translation>
    </message>
    <message>
        <source>Verified values of the selected verification:</source>
        <translation>مقادیر راستی‌آزمایی برگزیده:</translation>
    </message>
    <message>
        <source>Add verification</source>
        <translation>افزودن راستی‌آزمایی</translation>
    </message>
    <message>
        <source>A number or date cannot be read: %1</source>
        <translation>عدد یا تاریخی خوانده نمی‌شود: %1</translation>
    </message>
</context>
<context>
    <name>PlansPage</name>
    <message>
        <source>Needs attention</source>
        <translation>نیازمند پیگیری</translation>
    </message>
    <message>
        <source>Plan or request</source>
        <translation>برنامه یا درخواست</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>چرا</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>برنامه‌ها</translation>
    </message>
    <message>
        <source>128 reference</source>
        <translation>شماره ۱۲۸</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>128 requests</source>
        <translation>درخواست‌های ۱۲۸</translation>
    </message>
    <message>
        <source>New 128 request…</source>
        <translation>درخواست تازه ۱۲۸…</translation>
    </message>
    <message>
        <source>Search plans</source>
        <translation>جستجوی برنامه‌ها</translation>
    </message>
    <message>
        <source>Plans and 128 requests</source>
        <translation>برنامه‌ها و درخواست‌های ۱۲۸</translation>
    </message>
    <message>
        <source>Enter opens the plan</source>
        <translation>کلید Enter برنامه را باز می‌کند</translation>
    </message>
    <message>
        <source>New plan for the selected service</source>
        <translation>برنامه تازه برای خدمت برگزیده</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Plan PDF…</source>
        <translation>PDF برنامه…</translation>
    </message>
    <message>
        <source>Quarterly report PDF…</source>
        <translation>PDF گزارش سه‌ماهه…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>Service ID</source>
        <translation>کد شناسه خدمت</translation>
    </message>
    <message>
        <source>Time cut</source>
        <translation>کاهش زمان</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>برنامه تازه</translation>
    </message>
    <message>
        <source>Select the service in the passport list first.</source>
        <translation>نخست خدمت را در فهرست شناسنامه‌ها برگزینید.</translation>
    </message>
    <message>
        <source>Plan PDF</source>
        <translation>PDF برنامه</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>پرونده‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>No quarterly report yet.</source>
        <translation>هنوز گزارش سه‌ماهه‌ای نیست.</translation>
    </message>
    <message>
        <source>Quarterly report</source>
        <translation>گزارش سه‌ماهه</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>سه‌ماهه:</translation>
    </message>
    <message>
        <source>Quarterly report PDF</source>
        <translation>PDF گزارش سه‌ماهه</translation>
    </message>
</context>
<context>
    <name>ProposalsTab</name>
    <message>
        <source>New proposal…</source>
        <translation>پیشنهاد تازه…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>روش ارائه</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Proposed on</source>
        <translation>تاریخ پیشنهاد</translation>
    </message>
    <message>
        <source>Issued ID</source>
        <translation>شناسهٔ صادرشده</translation>
    </message>
    <message>
        <source>Services without ID</source>
        <translation>خدمات بدون شناسه</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>خدمت:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
    <message>
        <source>County:</source>
        <translation>شهرستان:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Delivery:</source>
        <translation>روش ارائه:</translation>
    </message>
    <message>
        <source>How it is given:</source>
        <translation>فرایند ارائه:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>مبنای قانونی:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Proposed on:</source>
        <translation>تاریخ پیشنهاد:</translation>
    </message>
    <message>
        <source>Issued service ID:</source>
        <translation>شناسهٔ خدمت صادرشده:</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>تاریخ صدور شناسه:</translation>
    </message>
    <message>
        <source>Centre&apos;s comment:</source>
        <translation>نظر سازمان:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>دیسک</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;جستجو در:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>پرونده‌های از &amp;نوع:</translation>
    </message>
</context>
<context>
    <name>ReceivePage</name>
    <message>
        <source>Open bundle…</source>
        <translation>باز کردن بسته…</translation>
    </message>
    <message>
        <source>Apply changes</source>
        <translation>اعمال تغییرات</translation>
    </message>
    <message>
        <source>Open bundle</source>
        <translation>باز کردن بسته</translation>
    </message>
    <message>
        <source>Bundles (*.asice);;All files (*)</source>
        <translation>بسته‌ها (*.asice);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>در حال بررسی بسته…</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>در حال ورود بسته…</translation>
    </message>
    <message>
        <source>Verification report</source>
        <translation>گزارش بررسی</translation>
    </message>
    <message>
        <source>Checks of the bundle</source>
        <translation>بررسی‌های بسته</translation>
    </message>
    <message>
        <source>Changes this bundle would make</source>
        <translation>تغییرهایی که این بسته پدید می‌آورد</translation>
    </message>
    <message>
        <source>Changes the bundle brings</source>
        <translation>تغییراتی که بسته می‌آورد</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>رکورد</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>جزئیات</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع رکورد</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>انتخاب شما</translation>
    </message>
    <message>
        <source>The bundle was refused; nothing can be imported from it.</source>
        <translation>بسته پذیرفته نشد؛ چیزی از آن وارد نمی‌شود.</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>رکورد تازه</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>به‌روزرسانی</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>ناسازگاری</translation>
    </message>
    <message>
        <source>Centre&apos;s decision</source>
        <translation>تصمیم مرکز</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— برگزینید —</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>نسخهٔ خودم بماند</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>نسخهٔ بسته پذیرفته شود</translation>
    </message>
    <message>
        <source>The centre&apos;s reply was applied: {decisions} records updated, {kept} left as they were.</source>
        <translation>پاسخ مرکز وارد شد: {decisions} رکورد به‌روز شد، {kept} رکورد دست‌نخورده ماند.</translation>
    </message>
    <message>
        <source>The bundle was imported: {created} new records, {updated} updated, {unchanged} unchanged, {kept} kept as they were here.</source>
        <translation>بسته وارد شد: {created} رکورد تازه، {updated} به‌روزرسانی، {unchanged} بدون تغییر، {kept} نگه‌داشته.</translation>
    </message>
    <message>
        <source>The bundle is genuine and intact (signed by {signer}, sent by {sender}).</source>
        <translation>بسته اصیل و دست‌نخورده است (امضاکننده: {signer}، فرستنده: {sender}).</translation>
    </message>
</context>
<context>
    <name>ReferenceTab</name>
    <message>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Official lists in force</source>
        <translation>فهرست‌های رسمی جاری</translation>
    </message>
    <message>
        <source>Match existing records</source>
        <translation>تطبیق رکوردهای موجود</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>Value not in the lists</source>
        <translation>مقدار بیرون از فهرست‌ها</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>رکوردها</translation>
    </message>
    <message>
        <source>Values not in the lists</source>
        <translation>مقدارهای بیرون از فهرست‌ها</translation>
    </message>
    <message>
        <source>%1 values match no entry of the official lists; they are kept as flagged free text.</source>
        <translation>%1 مقدار با هیچ ردیف فهرست‌های رسمی نمی‌خواند؛ به‌صورت متن آزاد علامت‌خورده نگه داشته شده‌اند.</translation>
    </message>
    <message>
        <source>%1 records were rewritten to the lists&apos; spelling. </source>
        <translation>%1 رکورد به نگارش فهرست‌های رسمی درآمد. </translation>
    </message>
    <message>
        <source>Matching records to the official lists…</source>
        <translation>تطبیق رکوردها با فهرست‌های رسمی…</translation>
    </message>
    <message>
        <source>Official lists</source>
        <translation>فهرست‌های رسمی</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>128 request</source>
        <translation>درخواست ۱۲۸</translation>
    </message>
    <message>
        <source>No plan</source>
        <translation>بدون برنامه</translation>
    </message>
    <message>
        <source>128 reference:</source>
        <translation>شماره پیگیری ۱۲۸:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>تاریخ دریافت:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>مهلت رسیدگی:</translation>
    </message>
    <message>
        <source>Improvement plan:</source>
        <translation>برنامه بهبود:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>پاسخ:</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>What goes in</source>
        <translation>چه چیزی فرستاده می‌شود</translation>
    </message>
    <message>
        <source>Everything selected (full bundle)</source>
        <translation>همهٔ موارد انتخاب‌شده (بستهٔ کامل)</translation>
    </message>
    <message>
        <source>Only changes since the last acknowledged bundle</source>
        <translation>فقط تغییرات پس از آخرین بستهٔ تأییدشده</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Search titles, agencies, IDs</source>
        <translation>جست‌وجو در عنوان، دستگاه، شناسه</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>جست‌وجو:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>خلاصه:</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>امضا</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>گواهی:</translation>
    </message>
    <message>
        <source>Import certificate…</source>
        <translation>ورود گواهی…</translation>
    </message>
    <message>
        <source>New test certificate…</source>
        <translation>گواهی آزمایشی تازه…</translation>
    </message>
    <message>
        <source>Trust a CA…</source>
        <translation>اعتماد به مرجع صدور…</translation>
    </message>
    <message>
        <source>Import a revocation list…</source>
        <translation>ورود فهرست ابطال…</translation>
    </message>
    <message>
        <source>Key password:</source>
        <translation>گذرواژهٔ کلید:</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>پرونده بسته</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Bundle file:</source>
        <translation>پروندهٔ بسته:</translation>
    </message>
    <message>
        <source>Write signed bundle</source>
        <translation>ساخت بستهٔ امضاشده</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the bundle</source>
        <translation>اثر انگشت SHA-256 بسته</translation>
    </message>
    <message>
        <source>; {n} signed PDF forms; {m} passports will be marked sent</source>
        <translation>؛ {n} فرم PDF امضاشده؛ {m} شناسنامه «ارسال‌شده» می‌شود</translation>
    </message>
    <message>
        <source>; changes since bundle {n}</source>
        <translation>؛ تغییرات پس از بستهٔ {n}</translation>
    </message>
    <message>
        <source>No signing certificate is stored: import one or make a test certificate with the buttons below.</source>
        <translation>هیچ گواهی امضایی ذخیره نشده است؛ با دکمه‌های زیر یکی وارد کنید یا یک گواهی آزمایشی بسازید.</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>ذخیرهٔ بسته</translation>
    </message>
    <message>
        <source>Bundles (*.asice)</source>
        <translation>بسته‌ها (*.asice)</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>در حال ساخت بسته…</translation>
    </message>
    <message>
        <source>Writing and signing the bundle…</source>
        <translation>در حال ساخت و امضای بسته…</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the bundle:</source>
        <translation>اثر انگشت SHA-256 بسته:</translation>
    </message>
    <message>
        <source>Bundles sent and received</source>
        <translation>بسته‌های فرستاده و دریافتی</translation>
    </message>
    <message>
        <source>Choose a certificate and a file for the bundle.</source>
        <translation>یک گواهی و یک پرونده برای بسته برگزینید.</translation>
    </message>
    <message>
        <source>Bundle {sequence} written to {path}; {marked} passports marked sent.</source>
        <translation>بستهٔ {sequence} در {path} نوشته شد؛ {marked} شناسنامه «ارسال‌شده» شد.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Your name (recorded in the history)</source>
        <translation>نام شما (در سابقه ثبت می‌شود)</translation>
    </message>
    <message>
        <source>Your roles</source>
        <translation>نقش‌های شما</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>زبان (پس از اجرای دوباره)</translation>
    </message>
    <message>
        <source>Show Persian digits</source>
        <translation>نمایش رقم‌های فارسی</translation>
    </message>
    <message>
        <source>Autosave every (seconds)</source>
        <translation>ذخیره خودکار هر (ثانیه)</translation>
    </message>
    <message>
        <source>Agency for new passports</source>
        <translation>دستگاه برای شناسنامه‌های تازه</translation>
    </message>
    <message>
        <source>Province for new passports</source>
        <translation>استان برای شناسنامه‌های تازه</translation>
    </message>
    <message>
        <source>Back up automatically when the program closes (at most once a day)</source>
        <translation>پشتیبان‌گیری خودکار هنگام بستن برنامه (حداکثر روزی یک بار)</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>پوشهٔ پشتیبان‌های خودکار</translation>
    </message>
    <message>
        <source>Keep a daily copy for (days)</source>
        <translation>نگه‌داشتن نسخهٔ روزانه برای (روز)</translation>
    </message>
    <message>
        <source>Then a weekly copy for (weeks)</source>
        <translation>سپس نسخهٔ هفتگی برای (هفته)</translation>
    </message>
    <message>
        <source>Warn when the last backup is older than (days)</source>
        <translation>هشدار وقتی آخرین پشتیبان قدیمی‌تر است از (روز)</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
</context>
<context>
    <name>TestCertificateDialog</name>
    <message>
        <source>New test certificate</source>
        <translation>گواهی آزمایشی تازه</translation>
    </message>
    <message>
        <source>For trying the application out: the centre does not accept test certificates.</source>
        <translation>برای آزمودن برنامه: مرکز گواهی آزمایشی را نمی‌پذیرد.</translation>
    </message>
    <message>
        <source>Holder&apos;s name:</source>
        <translation>نام دارنده:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>سازمان:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>تکرار گذرواژه:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>دو گذرواژه با هم متفاوت‌اند.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Import a certificate</source>
        <translation>ورود گواهی</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>پرونده‌های PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Password of the file:</source>
        <translation>گذرواژه پرونده:</translation>
    </message>
    <message>
        <source>Trust a certification authority</source>
        <translation>اعتماد به مرجع صدور گواهی</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>گواهی‌ها (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>Import a revocation list</source>
        <translation>ورود فهرست ابطال</translation>
    </message>
    <message>
        <source>Revocation lists (*.crl *.pem *.der)</source>
        <translation>فهرست‌های ابطال (*.crl *.pem *.der)</translation>
    </message>
    <message>
        <source>The revocation list of {issuer} is kept; signatures by the {count} certificates it revokes are refused from now on.</source>
        <translation>فهرست ابطال {issuer} نگه‌داری شد؛ از این پس امضای {count} گواهی باطل‌شدهٔ آن پذیرفته نمی‌شود.</translation>
    </message>
</context>
</TS>
