#!/usr/bin/env bash
# Installs the face-landmark finder for talking photos: MediaPipe FaceMesh from the
# mediapipe 0.10.21 wheel, the last release whose wheel bundles the face models, so nothing is
# downloaded at run time. Installed without mediapipe's heavy optional dependencies (jax,
# sentencepiece, sounddevice), which FaceMesh does not use.
# Idempotent: a complete environment is left as it is.
# Usage: scripts/setup-facemesh.sh   (environment: ${ORATOR_FACEMESH_VENV:-.venv-facemesh})
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${ORATOR_FACEMESH_VENV:-.venv-facemesh}"
check="import mediapipe.python.solutions.face_mesh, cv2, numpy"

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "$check" 2>/dev/null; then
  exit 0
fi

python="${ORATOR_FACEMESH_PYTHON:-python3.11}"
command -v "$python" >/dev/null || python=python3
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
pip=("$venv/bin/pip" install --quiet --disable-pip-version-check)
"${pip[@]}" --no-deps mediapipe==0.10.21
"${pip[@]}" "numpy<2" "protobuf>=4.25,<5" absl-py attrs flatbuffers \
  "opencv-python-headless<4.11" matplotlib
"$venv/bin/python" -c "$check"
echo "face landmarks installed in $venv"
