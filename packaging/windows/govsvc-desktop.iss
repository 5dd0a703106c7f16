; The Windows installer of govsvc-desktop (Inno Setup 6.3 or newer).
;
; It packs the folder that PyInstaller builds from packaging\govsvc-desktop.spec on Windows:
;
;   pyinstaller packaging\govsvc-desktop.spec
;   iscc packaging\windows\govsvc-desktop.iss
;
; and writes dist\govsvc-desktop-VERSION-windows-x64-setup.exe. The version is read from
; govsvc-desktop-gui.exe, which the spec stamped with the version in pyproject.toml; pass
; /DAppVersion=X.Y.Z to iscc only to override it.
;
; Without administrator rights it installs for the current user (%LOCALAPPDATA%\Programs);
; with them the user may choose all users (Program Files). The user's database, settings,
; keys and logs live in %LOCALAPPDATA%\govsvc-desktop and are never removed by the uninstaller.

#define DistDir SourcePath + "..\..\dist\govsvc-desktop"
#define IconFile SourcePath + "..\..\build\packaging\icons\govsvc-desktop.ico"
#define GuiExe "govsvc-desktop-gui.exe"

#ifndef AppVersion
  #define AppVersion GetFileProductVersion(DistDir + "\" + GuiExe)
#endif
#if AppVersion == ""
  #error No version found in dist\govsvc-desktop\govsvc-desktop-gui.exe: run "pyinstaller packaging\govsvc-desktop.spec" first
#endif

[Setup]
AppId={{6F0B7C2E-3A59-4C1D-9E84-2D7A51B3C6F0}
AppName={cm:AppTitle}
AppVersion={#AppVersion}
AppVerName={cm:NameAndVersion,{cm:AppTitle},{#AppVersion}}
AppPublisher=govsvc-desktop
AppComments={cm:AppComment}
VersionInfoProductName=govsvc-desktop
DefaultDirName={autopf}\govsvc-desktop
DefaultGroupName={cm:AppTitle}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=govsvc-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={cm:AppTitle}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=yes
LanguageDetectionMethod=none
CloseApplications=yes

[Languages]
; Persian first: it is the default, English can be chosen in the language dialog.
Name: "fa"; MessagesFile: "compiler:Default.isl,Persian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fa.AppTitle=شناسنامه خدمات
en.AppTitle=Service Passports
fa.AppComment=تهیه، تأیید و تبادل شناسنامه خدمات دستگاه‌های اجرایی، بدون نیاز به اینترنت
en.AppComment=Describe, approve and exchange the service passports of an executive agency, offline

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:UninstallProgram,{cm:AppTitle}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{userdocs}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Anything Python may have cached beside the program (the user's data lives elsewhere).
Type: filesandordirs; Name: "{app}\_internal\govsvc_desktop\store\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\govsvc_desktop\store\migrations\versions\__pycache__"
