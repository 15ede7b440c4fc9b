"""Orator's speech-recognition sidecar: faster-whisper behind the OpenAI
`/v1/audio/transcriptions` protocol, on a loopback port.

Started by Orator's WhisperSidecar with the model directory and thread count. It prints
`listening <port>` on standard output once the model is loaded and the socket is bound, and
exits as soon as its standard input closes, so that it never outlives Orator (even a kill -9).
Only the standard library and faster-whisper are used; nothing is downloaded.
"""

import argparse
import email.parser
import email.policy
import json
import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def watch_parent():
    # Orator holds our stdin open; end of file means it is gone.
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


def form_fields(content_type, body):
    """Parses a multipart/form-data body into {name: [str or (filename, bytes)]}."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    fields = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name is None:
            continue
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        value = (filename, payload) if filename is not None else payload.decode("utf-8")
        fields.setdefault(name, []).append(value)
    return fields


FALLBACK_TEMPERATURES = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]


class Transcriber:
    def __init__(self, model_directory, threads):
        from faster_whisper import WhisperModel

        self.model = WhisperModel(
            model_directory, device="cpu", compute_type="int8", cpu_threads=threads
        )
        # CTranslate2 models are not safe to call from two requests at once.
        self.lock = threading.Lock()

    def transcribe(self, audio_path, language, prompt, temperature):
        # The OpenAI protocol: temperature 0 means "start greedy and raise the temperature
        # when a window decodes badly". Whisper's fallback schedule is what stops a window
        # from looping on one word ("no, no, no, ..."): a repetitive decode has a high
        # compression ratio and is decoded again at the next temperature.
        temperatures = FALLBACK_TEMPERATURES if temperature <= 0 else [temperature]
        with self.lock:
            segments, info = self.model.transcribe(
                audio_path,
                language=language or None,
                initial_prompt=prompt or None,
                temperature=temperatures,
                # Feeding a window's text into the next is how one hallucination spreads to
                # the rest of the audio; each window stands on its own instead.
                condition_on_previous_text=False,
                word_timestamps=True,
                # Silero VAD (bundled with faster-whisper) skips silence, where Whisper
                # would otherwise invent words such as "You".
                vad_filter=True,
            )
            result_segments = []
            words = []
            texts = []
            for segment in segments:
                segment_words = [
                    {"word": w.word.strip(), "start": round(w.start, 3), "end": round(w.end, 3)}
                    for w in (segment.words or [])
                    if w.word.strip()
                ]
                words.extend(segment_words)
                texts.append(segment.text.strip())
                result_segments.append(
                    {
                        "id": segment.id,
                        "start": round(segment.start, 3),
                        "end": round(segment.end, 3),
                        "text": segment.text.strip(),
                        "avg_logprob": segment.avg_logprob,
                        "no_speech_prob": segment.no_speech_prob,
                        "words": segment_words,
                    }
                )
        return {
            "task": "transcribe",
            "language": info.language,
            "duration": round(info.duration, 3),
            "text": " ".join(t for t in texts if t),
            "segments": result_segments,
            "words": words,
        }


def make_handler(transcriber):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass  # Orator logs requests on its side.

        def send_json(self, status, value):
            body = json.dumps(value).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def send_error_json(self, status, message):
            self.send_json(status, {"error": {"message": message, "type": "invalid_request_error"}})

        def do_GET(self):
            if self.path == "/health":
                self.send_json(200, {"status": "ok"})
            else:
                self.send_error_json(404, "not found")

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            if self.path != "/v1/audio/transcriptions":
                self.send_error_json(404, "not found")
                return
            content_type = self.headers.get("Content-Type", "")
            if not content_type.startswith("multipart/form-data"):
                self.send_error_json(400, "expected multipart/form-data")
                return
            fields = form_fields(content_type, body)
            upload = (fields.get("file") or [None])[0]
            if not isinstance(upload, tuple):
                self.send_error_json(400, "missing file")
                return
            language = (fields.get("language") or [""])[0]
            prompt = (fields.get("prompt") or [""])[0]
            try:
                temperature = float((fields.get("temperature") or ["0"])[0])
            except ValueError:
                temperature = 0.0
            suffix = os.path.splitext(upload[0] or "")[1] or ".wav"
            with tempfile.NamedTemporaryFile(suffix=suffix) as audio:
                audio.write(upload[1])
                audio.flush()
                try:
                    result = transcriber.transcribe(audio.name, language, prompt, temperature)
                except Exception as error:  # the audio could not be decoded
                    self.send_error_json(400, "could not transcribe: %s" % error)
                    return
            response_format = (fields.get("response_format") or ["json"])[0]
            if response_format == "text":
                body = result["text"].encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif response_format == "verbose_json":
                self.send_json(200, result)
            else:
                self.send_json(200, {"text": result["text"]})

    return Handler


class QuietHTTPServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A client that hangs up (Orator stopping, a pooled connection closed) is routine;
        # anything else is still printed to standard error, which reaches Orator's log.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True, help="CTranslate2 Whisper model directory")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    arguments = parser.parse_args()

    threading.Thread(target=watch_parent, daemon=True).start()
    try:
        transcriber = Transcriber(arguments.model, arguments.threads)
    except Exception as error:
        print("failed %s" % str(error).replace("\n", " "), flush=True)
        sys.exit(1)
    server = QuietHTTPServer(("127.0.0.1", arguments.port), make_handler(transcriber))
    print("listening %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
