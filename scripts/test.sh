#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test. The PostgreSQL store's tests run on
# a throwaway server started here, unless ORATOR_TEST_POSTGRES_URL already names one.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh debug
scripts/setup-test-tools.sh
swift build --build-tests
# The SDK resolves without the service's packages; the systemd unit verifies.
scripts/check-packaging.sh
if [ -z "${ORATOR_TEST_POSTGRES_URL:-}" ]; then
  eval "$(scripts/postgres-test-server.sh start)"
  trap 'scripts/postgres-test-server.sh stop "$ORATOR_TEST_POSTGRES_DIR"' EXIT
fi
# The render tests draw frames and warp faces in the test process itself, and the `orator
# render` command tests wait for their renders on the test process's threads, keeping them
# busy for seconds at a time; run apart, they cannot delay the suites that time a server's
# answers or a webhook receiver's.
swift test --skip-build --filter 'OratorRenderTests|OratorCLITests'
# The suites that time a server's answers, a webhook receiver's or a database's run apart
# too, after the rest, whose renders and sidecars would otherwise crowd their clocks.
timed='WebhookTests|ServerTimeoutTests|OutboundAddressTests|OratorPostgresTests'
swift test --skip-build --skip OratorRenderTests --skip OratorCLITests --skip StudioBrowserTests \
  --skip "$timed"
swift test --skip-build --filter "$timed"
# Chromium driving the Studio takes both cores for a while: on its own, last.
swift test --skip-build --filter StudioBrowserTests
