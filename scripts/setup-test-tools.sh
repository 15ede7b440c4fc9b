#!/usr/bin/env bash
# Installs the tools the test suite uses besides the project's own: schemathesis (PyPI), which
# fuzzes the live server against its /openapi.json. Idempotent; a complete environment is kept.
# Usage: scripts/setup-test-tools.sh   (environment: ${ORATOR_TOOLS_VENV:-.venv-tools})
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${ORATOR_TOOLS_VENV:-.venv-tools}"
if [ -x "$venv/bin/schemathesis" ]; then exit 0; fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
echo "test tools installed in $venv"
