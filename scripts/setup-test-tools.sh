#!/usr/bin/env bash
# Installs the tools the test suite uses besides the project's own: schemathesis (PyPI), which
# fuzzes the live server against its /openapi.json, and Selenium (PyPI) with Debian's Chromium
# and its driver, which drive Orator Studio in a real browser. Idempotent.
# Usage: scripts/setup-test-tools.sh   (environment: ${ORATOR_TOOLS_VENV:-.venv-tools})
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${ORATOR_TOOLS_VENV:-.venv-tools}"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
fi
if [ -x "$venv/bin/schemathesis" ] && "$venv/bin/python" -c "import selenium" 2>/dev/null; then
  exit 0
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5" "selenium==4.27.1"
echo "test tools installed in $venv"
