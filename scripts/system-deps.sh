#!/usr/bin/env bash
# Installs the Debian packages the application and its tests need, if any are missing.
# Run as root (or with sudo available); prints what it would install otherwise.
set -euo pipefail
PACKAGES=(
  poppler-utils          # pdftotext, pdffonts, pdftoppm, pdfsig: tests read PDFs back
  openssl                # tests verify bundle signatures with the real openssl binary
  zip                    # benchmarks compare bundle export with zip + sha256sum
  unzip                  # tests check bundles open with the standard unzip tool
  xvfb x11-apps          # screenshots of the real window
  dbus at-spi2-core python3-pyatspi gir1.2-atspi-2.0  # the accessibility test reads the AT-SPI tree, as Orca does
  libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libnss3
  libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxi6 libasound2
  postgresql             # shared mode: tests start a throwaway cluster
  libpango-1.0-0 libpangoft2-1.0-0  # benchmarks compare the PDF form with WeasyPrint
  hyperfine              # start-up benchmarks time whole processes of the command line
  cups printer-driver-cups-pdf  # printing: tests start a print service whose printer writes PDFs
  chromium chromium-driver  # tests open the published catalogue website in a real browser
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "Please run as root: apt-get install -y ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
