#!/usr/bin/env bash
# Installs the headless browser the status-page test drives: Debian's chromium and chromium-driver.
# Idempotent: does nothing when both are present. Run by ./verify before the build, never by Maven itself.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
  echo "The status-page browser test needs $CHROMIUM and $CHROMEDRIVER. Install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get here: install Chromium and its ChromeDriver so that $CHROMIUM and $CHROMEDRIVER exist." >&2
  exit 1
fi

echo "Installing chromium and chromium-driver for the status-page browser test …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium chromium-driver
