#!/usr/bin/env bash
# Installs what the browser tests need from Debian when it is missing: chromium (the tests drive
# /usr/bin/chromium) and fonts-noto-cjk (the Chinese font the chart PNGs are drawn with).
# Never downloads a browser or a font of its own: Debian's packages are the only source.
set -euo pipefail
FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && { [ -n "${MINSHENG_CJK_FONT:-}" ] || [ -f "$FONT" ]; }; then exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
