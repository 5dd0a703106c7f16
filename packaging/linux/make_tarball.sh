#!/bin/sh
# Completes dist/govsvc-desktop (built by PyInstaller from packaging/govsvc-desktop.spec) for
# Linux, with install.sh, the menu entry and the icons, and packs it as
# dist/govsvc-desktop-VERSION-linux-ARCH.tar.gz. Run from the repository root.
set -eu

APP=govsvc-desktop
DIST=dist/$APP
ICONS=build/packaging/icons
VERSION=$(sed -n 's/^version *= *"\(.*\)"/\1/p' pyproject.toml | head -n 1)
ARCH=$(uname -m)
TARBALL=dist/$APP-$VERSION-linux-$ARCH.tar.gz

[ -x "$DIST/$APP" ] || { echo "make_tarball: $DIST/$APP is missing; build it first" >&2; exit 1; }
[ -n "$VERSION" ] || { echo "make_tarball: no version in pyproject.toml" >&2; exit 1; }

install -m 755 packaging/linux/install.sh "$DIST/install.sh"
install -D -m 644 packaging/linux/$APP.desktop "$DIST/share/applications/$APP.desktop"
for size in 16 32 48 64 128 256; do
    install -D -m 644 "$ICONS/$APP-$size.png" "$DIST/share/icons/hicolor/${size}x${size}/apps/$APP.png"
done
install -D -m 644 packaging/icons/$APP.svg "$DIST/share/icons/hicolor/scalable/apps/$APP.svg"

rm -f "$TARBALL"
tar --sort=name --owner=0 --group=0 --numeric-owner \
    -C dist -cf - "$APP" | gzip -n > "$TARBALL"
echo "$TARBALL"
