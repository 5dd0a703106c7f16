#!/bin/sh
# Installs govsvc-desktop for the current user, without root and without a network:
#
#   tar xzf govsvc-desktop-VERSION-linux-x86_64.tar.gz && ./govsvc-desktop/install.sh
#
# The program goes to ~/.local/lib/govsvc-desktop, the commands govsvc-desktop and
# govsvc-desktop-gui are linked into ~/.local/bin, and the menu entry and icons into
# ~/.local/share/applications and ~/.local/share/icons/hicolor. Running it again upgrades.
#
#   ~/.local/lib/govsvc-desktop/install.sh --uninstall
#
# removes all of that. The user's data (database, settings, keys, logs) lives apart, in
# ~/.local/share/govsvc-desktop, and is never touched by either.
set -eu

APP=govsvc-desktop
MARKER=.govsvc-desktop-install
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$HOME/.local/lib/$APP
BIN_DIR=$HOME/.local/bin
APPS_DIR=$DATA_HOME/applications
ICON_DIR=$DATA_HOME/icons/hicolor
USER_DATA=$DATA_HOME/$APP
SIZES="16 32 48 64 128 256"
SRC=$(cd "$(dirname "$0")" && pwd -P)

say() { printf '%s\n' "$*"; }
die() { printf 'govsvc-desktop install: %s\n' "$*" >&2; exit 1; }

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$APPS_DIR" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$ICON_DIR" 2>/dev/null || true
    fi
}

# Removes the installed program folder, but only one this script made.
remove_program() {
    [ -e "$PREFIX" ] || return 0
    [ -f "$PREFIX/$MARKER" ] || die "$PREFIX exists but was not installed by this script; remove it yourself"
    rm -rf "$PREFIX"
}

remove_link() {
    link=$BIN_DIR/$1
    if [ -L "$link" ]; then
        case $(readlink "$link") in "$PREFIX"/*) rm -f "$link" ;; esac
    fi
}

uninstall() {
    remove_link "$APP"
    remove_link "$APP-gui"
    rm -f "$APPS_DIR/$APP.desktop"
    for size in $SIZES; do
        rm -f "$ICON_DIR/${size}x${size}/apps/$APP.png"
    done
    rm -f "$ICON_DIR/scalable/apps/$APP.svg"
    remove_program
    refresh_menus
    say "govsvc-desktop removed. / برنامه حذف شد."
    if [ -d "$USER_DATA" ]; then
        say "Your data is kept in $USER_DATA / داده‌های شما در این پوشه باقی ماند."
    fi
}

install_program() {
    if ! [ -x "$SRC/$APP" ] || ! [ -x "$SRC/$APP-gui" ] || ! [ -d "$SRC/_internal" ]; then
        die "run this script from the unpacked govsvc-desktop folder"
    fi
    mkdir -p "$(dirname "$PREFIX")" "$BIN_DIR" "$APPS_DIR"
    if [ "$SRC" != "$(cd "$(dirname "$PREFIX")" && pwd -P)/$APP" ]; then
        staging=$PREFIX.new.$$
        rm -rf "$staging"
        cp -RP "$SRC" "$staging"
        : > "$staging/$MARKER"
        remove_program
        mv "$staging" "$PREFIX"
    fi

    ln -sfn "$PREFIX/$APP" "$BIN_DIR/$APP"
    ln -sfn "$PREFIX/$APP-gui" "$BIN_DIR/$APP-gui"

    # The menu entry starts the program by its full path (~/.local/bin is not always on the
    # desktop session's PATH), unless the path holds characters a menu entry would need escaped.
    case $PREFIX in
        *[\"\`\$\\]*) exec_line="Exec=$APP-gui" ;;
        *) exec_line="Exec=\"$PREFIX/$APP-gui\"" ;;
    esac
    while IFS= read -r line; do
        case $line in
            Exec=*) printf '%s\n' "$exec_line" ;;
            *) printf '%s\n' "$line" ;;
        esac
    done < "$PREFIX/share/applications/$APP.desktop" > "$APPS_DIR/$APP.desktop"
    chmod 644 "$APPS_DIR/$APP.desktop"
    for size in $SIZES; do
        mkdir -p "$ICON_DIR/${size}x${size}/apps"
        cp "$PREFIX/share/icons/hicolor/${size}x${size}/apps/$APP.png" "$ICON_DIR/${size}x${size}/apps/"
    done
    mkdir -p "$ICON_DIR/scalable/apps"
    cp "$PREFIX/share/icons/hicolor/scalable/apps/$APP.svg" "$ICON_DIR/scalable/apps/"
    refresh_menus

    if ! version=$("$PREFIX/$APP" --version 2>&1); then
        say "$version" >&2
        die "the program was copied but does not start on this system (see the message above)"
    fi
    say "Installed $version in $PREFIX / برنامه نصب شد."
    say "Open it from the Office menu, or run: $APP-gui"
    case ":$PATH:" in
        *":$BIN_DIR:"*) ;;
        *) say "Note: $BIN_DIR is not on your PATH; log out and in again, or add it." ;;
    esac
}

case ${1:-} in
    "") install_program ;;
    --uninstall) uninstall ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
    *) die "unknown option $1 (use --uninstall or --help)" ;;
esac
