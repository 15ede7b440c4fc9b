"""Orator's neural speech sidecar: Piper voices on a loopback port.

Started by Orator's PiperSidecar. It prints `listening <port>` on standard output once the
socket is bound, and exits as soon as its standard input closes, so that it never outlives
Orator (even a kill -9). Only the standard library and piper-tts (with onnx, for the one-time
alignment patch) are used; nothing is downloaded.

Two protocols:
- `POST /synthesize` {model, text, length_scale?, speaker?} answers
  {sample_rate, sentences: [{audio: base64 16-bit PCM, phonemes: [[phoneme, samples]...]}]}:
  the audio and how many samples each phoneme lasts, which Orator turns into lip sync and
  captions.
- `POST /v1/audio/speech` {model, input, voice, response_format, speed} answers the audio, as
  OpenAI's speech API does, for the voices named with --voice NAME=MODEL.
"""

import argparse
import base64
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import threading
import wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def watch_parent():
    # Orator holds our stdin open; end of file means it is gone.
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


class Voices:
    """Loaded voices by model path. Each is loaded once, patched for alignments first if it
    lacks them, and run with `threads` inference threads per request, so that one request
    leaves the machine's other cores to the render that waits for it."""

    def __init__(self, cache, threads, folders):
        self.cache = cache
        self.threads = threads
        # Only models in these folders are loaded, whoever on this machine asks.
        self.folders = [os.path.abspath(folder) for folder in folders]
        self.loaded = {}
        self.lock = threading.Lock()

    def get(self, model):
        model = os.path.abspath(model)
        if os.path.dirname(model) not in self.folders:
            raise ValueError("%s is not in a voices folder" % model)
        with self.lock:
            voice = self.loaded.get(model)
            if voice is None:
                voice = self.load(model)
                self.loaded[model] = voice
            return voice

    def session(self, model):
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        return onnxruntime.InferenceSession(
            model, sess_options=options, providers=["CPUExecutionProvider"]
        )

    def aligned(self, model):
        """The model itself when it reports phoneme durations, else a patched copy (made once
        and kept in the cache folder, named after the model's path, size and time)."""
        session = self.session(model)
        if len(session.get_outputs()) > 1:
            return model, session
        status = os.stat(model)
        key = hashlib.sha256(
            ("%s|%d|%d" % (model, status.st_size, int(status.st_mtime))).encode("utf-8")
        ).hexdigest()[:16]
        stem = os.path.splitext(os.path.basename(model))[0]
        patched = os.path.join(self.cache, "%s-%s.onnx" % (stem, key))
        if not os.path.exists(patched):
            import onnx
            from piper.patch_voice_with_alignment import add_alignment_output

            os.makedirs(self.cache, exist_ok=True)
            model_proto = onnx.load(model)
            add_alignment_output(model_proto)
            handle, temporary = tempfile.mkstemp(dir=self.cache, suffix=".onnx")
            os.close(handle)
            onnx.save(model_proto, temporary)
            os.replace(temporary, patched)
        return patched, self.session(patched)

    def load(self, model):
        from piper import PiperVoice
        from piper.config import PiperConfig

        config_path = model + ".json"
        with open(config_path, "r", encoding="utf-8") as config_file:
            config = PiperConfig.from_dict(json.load(config_file))
        _, session = self.aligned(model)
        return PiperVoice(session=session, config=config)


# Piper scales each sentence to full scale; a little below it leaves headroom, so that no
# sample sits at the clipping point.
PEAK = 0.89


def synthesize(voice, text, length_scale, speaker):
    from piper import SynthesisConfig

    config = SynthesisConfig(length_scale=length_scale, speaker_id=speaker, volume=PEAK)
    sentences = []
    for chunk in voice.synthesize(text, syn_config=config, include_alignments=True):
        phonemes = [[a.phoneme, int(a.num_samples)] for a in (chunk.phoneme_alignments or [])]
        sentences.append(
            {
                "audio": base64.b64encode(chunk.audio_int16_bytes).decode("ascii"),
                "phonemes": phonemes,
            }
        )
    return {"sample_rate": voice.config.sample_rate, "sentences": sentences}


def wav_bytes(voice, text, length_scale):
    from piper import SynthesisConfig

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(voice.config.sample_rate)
        config = SynthesisConfig(length_scale=length_scale, volume=PEAK)
        for chunk in voice.synthesize(text, syn_config=config):
            out.writeframes(chunk.audio_int16_bytes)
    return buffer.getvalue()


def make_handler(voices, named):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass  # Orator logs requests on its side.

        def send_body(self, status, content_type, body):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def send_json(self, status, value):
            self.send_body(status, "application/json", json.dumps(value).encode("utf-8"))

        def send_error_json(self, status, message):
            self.send_json(status, {"error": {"message": message, "type": "invalid_request_error"}})

        def do_GET(self):
            if self.path == "/health":
                self.send_json(200, {"status": "ok"})
            elif self.path == "/v1/models":
                self.send_json(200, {"object": "list", "data": [{"id": "piper", "object": "model"}]})
            else:
                self.send_error_json(404, "not found")

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            try:
                request = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                self.send_error_json(400, "the body is not JSON")
                return
            if self.path == "/synthesize":
                self.synthesize(request)
            elif self.path == "/v1/audio/speech":
                self.speech(request)
            else:
                self.send_error_json(404, "not found")

        def synthesize(self, request):
            model, text = request.get("model"), request.get("text")
            if not isinstance(model, str) or not isinstance(text, str):
                self.send_error_json(400, "model and text are required")
                return
            try:
                voice = voices.get(model)
            except ValueError as error:
                self.send_error_json(403, str(error))
                return
            try:
                result = synthesize(
                    voice, text, float(request.get("length_scale") or 1.0), request.get("speaker")
                )
            except Exception as error:
                self.send_error_json(500, "%s: %s" % (type(error).__name__, error))
                return
            self.send_json(200, result)

        def speech(self, request):
            text, name = request.get("input"), request.get("voice")
            if not isinstance(text, str) or not text.strip():
                self.send_error_json(400, "input is required")
                return
            if name not in named:
                self.send_error_json(400, "unknown voice %r; voices: %s" % (name, ", ".join(named)))
                return
            response_format = request.get("response_format") or "mp3"
            if response_format not in ("wav", "pcm"):
                self.send_error_json(400, "response_format must be wav or pcm here")
                return
            speed = float(request.get("speed") or 1.0)
            if not 0.25 <= speed <= 4.0:
                self.send_error_json(400, "speed must be within 0.25 and 4.0")
                return
            try:
                body = wav_bytes(voices.get(named[name]), text, 1.0 / speed)
            except Exception as error:
                self.send_error_json(500, "%s: %s" % (type(error).__name__, error))
                return
            if response_format == "pcm":
                with wave.open(io.BytesIO(body), "rb") as decoded:
                    body = decoded.readframes(decoded.getnframes())
                self.send_body(200, "audio/pcm", body)
            else:
                self.send_body(200, "audio/wav", body)

    return Handler


class QuietHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that hangs up is routine; anything else reaches Orator's log.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", required=True, help="folder for alignment-patched models")
    parser.add_argument("--threads", type=int, default=1, help="inference threads per request")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument(
        "--voice", action="append", default=[], help="NAME=MODEL, for /v1/audio/speech"
    )
    parser.add_argument(
        "--voices-folder", action="append", default=[], help="a folder whose models may be used"
    )
    parser.add_argument("--stdin-watch", default="yes", choices=["yes", "no"])
    arguments = parser.parse_args()

    if arguments.stdin_watch == "yes":
        threading.Thread(target=watch_parent, daemon=True).start()
    named = {}
    for entry in arguments.voice:
        name, _, model = entry.partition("=")
        named[name] = model
    try:
        import piper  # noqa: F401  (fails early when the environment is incomplete)
    except Exception as error:
        print("failed %s" % str(error).replace("\n", " "), flush=True)
        sys.exit(1)
    folders = arguments.voices_folder + [os.path.dirname(model) for model in named.values()]
    voices = Voices(arguments.cache, max(1, arguments.threads), folders)
    server = QuietHTTPServer(("127.0.0.1", arguments.port), make_handler(voices, named))
    print("listening %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
