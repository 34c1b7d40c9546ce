#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
# Install it when missing and we may (root with apt-get); otherwise the browser tests skip with a reason.
set -u
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null) \
    || echo "WARNING: chromium could not be installed; browser tests will be skipped."
else
  echo "WARNING: chromium is not installed and cannot be installed here (not root or no apt-get);" \
       "browser tests will be skipped. Install Debian's 'chromium' package to run them."
fi
exit 0
