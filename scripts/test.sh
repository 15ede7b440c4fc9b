#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. The PostgreSQL store's tests run on
# a throwaway server started here, unless ORATOR_TEST_POSTGRES_URL already names one.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh debug
scripts/setup-test-tools.sh
swift build --build-tests
if [ -z "${ORATOR_TEST_POSTGRES_URL:-}" ]; then
  eval "$(scripts/postgres-test-server.sh start)"
  trap 'scripts/postgres-test-server.sh stop "$ORATOR_TEST_POSTGRES_DIR"' EXIT
fi
swift test --skip-build
