#!/usr/bin/env bash
# Installs what the tests need beyond `npm ci`: Debian's Chromium (driven by playwright-core;
# Playwright's own browser download cannot work on a closed network) and CJK fonts so pages
# render Chinese as readers see it. Needs root or sudo when Chromium is missing.
set -euo pipefail
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'Noto.*CJK'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
/usr/bin/chromium --version
