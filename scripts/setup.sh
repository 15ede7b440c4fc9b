#!/usr/bin/env bash
# Installs what Orator needs on a fresh Debian machine (missing packages only), then builds.
# Usage: scripts/setup.sh [debug|release]   (default release)
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(espeak-ng libespeak-ng-dev libcairo2-dev ffmpeg pkg-config fonts-dejavu-core jq curl
  apertium apertium-eng-spa apertium-eng-cat apertium-en-gl apertium-fr-es python3-venv
  postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
scripts/setup-asr.sh
scripts/setup-facemesh.sh
scripts/setup-piper.sh
swift build -c "${1:-release}" --product orator
