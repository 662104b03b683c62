#!/usr/bin/env bash
# Debian's Chromium for the dashboard's browser tests (tests/EndToEnd.Tests/Browser), driven by Microsoft.Playwright
# with ExecutablePath=/usr/bin/chromium. Installed with apt-get where that is possible (root, or sudo without a
# password); exits 1 when Chromium is still missing, and the browser tests then skip saying so.
set -uo pipefail
[ -x /usr/bin/chromium ] && exit 0
command -v apt-get >/dev/null || exit 1
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || exit 1
  sudo="sudo -n"
fi
echo "Installing Debian's Chromium for the dashboard's browser tests (chromium)..." >&2
$sudo apt-get update -qq >&2 || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2 || exit 1
[ -x /usr/bin/chromium ]
