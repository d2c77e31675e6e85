#!/usr/bin/env bash
# Installs Debian's chromium (the browser tests drive /usr/bin/chromium) when it is missing.
# Never downloads a browser of its own: Debian's package is the only source.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
