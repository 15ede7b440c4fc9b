#!/usr/bin/env bash
# Packaging checks, cheap enough for every test run:
#  - the SDK stays light: an app that depends on this checkout for the OratorKit product alone,
#    with the package's default traits turned off, resolves none of the packages only the
#    service uses (with --build it is also built, which compiles OratorKit without them);
#  - deploy/orator.service passes `systemd-analyze verify` without a single warning (skipped,
#    with a message, where systemd-analyze is not installed).
# Usage: scripts/check-packaging.sh [--build]
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
build=false
[ "${1:-}" = "--build" ] && build=true
work="$(mktemp -d -t orator-packaging.XXXXXX)"
# SwiftPM leaves a lock file for each of its folders in the temporary folder, named after it.
locks="${TMPDIR:-/tmp}/${work//\//_}_"
trap 'rm -rf "$work"; rm -f "$locks"*.lock' EXIT

# The packages OratorKit's targets use; the package's other dependencies are the service's.
# A scratch folder of its own: the manifest is read while a build may hold .build.
swift package --scratch-path "$work/scratch" dump-package > "$work/manifest.json"
python3 - "$work/manifest.json" > "$work/sdk-packages" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
targets = {t["name"]: t for t in manifest["targets"]}
used, pending, seen = set(), ["OratorKit"], set()
while pending:
    name = pending.pop()
    if name in seen:
        continue
    seen.add(name)
    for dependency in targets[name]["dependencies"]:
        kind, value = next(iter(dependency.items()))
        if kind == "product":
            used.add(value[1].lower())
        elif value[0] in targets:
            pending.append(value[0])
print("\n".join(sorted(used)))
PY

mkdir -p "$work/app/Sources/App"
cat > "$work/app/Package.swift" <<EOF
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "App",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: "$root", traits: [])],
  targets: [
    .executableTarget(
      name: "App",
      dependencies: [.product(name: "OratorKit", package: "$(basename "$root")")])
  ]
)
EOF
cat > "$work/app/Sources/App/main.swift" <<'EOF'
import Foundation
import OratorKit

let client = HeyGenClient(baseURL: URL(string: "http://127.0.0.1:8080")!, apiKey: "key")
print(client.baseURL, HeyGenClient.defaultUserAgent)
EOF
(cd "$work/app" && swift package resolve > "$work/resolve.log" 2>&1 \
  && swift package show-dependencies --format json > "$work/graph.json" 2>> "$work/resolve.log") \
  || {
    cat "$work/resolve.log" >&2
    exit 1
  }
# This package's node in the app's graph lists what it brought in: OratorKit's packages only.
python3 - "$work/graph.json" "$work/sdk-packages" "$work/manifest.json" "$work/app/Package.resolved" <<'PY'
import json, sys
graph, sdk, manifest, resolved = sys.argv[1:]
node = json.load(open(graph))["dependencies"][0]
brought = {d["identity"].lower() for d in node["dependencies"]}
allowed = set(open(sdk).read().split())
declared = {d["sourceControl"][0]["identity"].lower() for d in json.load(open(manifest))["dependencies"]}
pins = json.load(open(resolved))["pins"]
if brought - allowed:
    sys.exit("An app using only OratorKit resolves the service's packages: "
             + ", ".join(sorted(brought - allowed)))
print(f"SDK: an OratorKit app resolves {len(pins)} packages, through {', '.join(sorted(brought))};"
      f" left out: {', '.join(sorted(declared - brought))}")
PY
if $build; then
  (cd "$work/app" && swift build && .build/debug/App)
fi

unit=deploy/orator.service
if command -v systemd-analyze > /dev/null; then
  # verify checks that ExecStart names an executable; the installed path is not there here.
  sed "s|^ExecStart=/opt/orator/orator |ExecStart=$(command -v true) |" "$unit" \
    > "$work/orator.service"
  output="$(systemd-analyze verify --man=no "$work/orator.service" 2>&1)" || {
    echo "$output" >&2
    exit 1
  }
  if [ -n "$output" ]; then
    echo "systemd-analyze verify $unit warns:" >&2
    echo "$output" >&2
    exit 1
  fi
  echo "systemd: $unit verifies"
else
  echo "systemd: systemd-analyze is not installed; $unit not verified"
fi
