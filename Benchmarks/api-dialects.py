#!/usr/bin/env python3
"""Reads of one video through v1/v2 and through v3, timed side by side in one run.

The two dialects share one application layer, so a v3 read should cost what a v1 read
costs. Prints each route's median latency and the v3/v1 ratios (target: within 1.1).

    orator serve --port 18093 --api-key benchkey &
    Benchmarks/api-dialects.py --base http://127.0.0.1:18093 --key benchkey
"""
import argparse
import http.client
import json
import statistics
import time
import urllib.parse


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--key", required=True)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.base)
    connection = http.client.HTTPConnection(url.hostname, url.port or 80)
    headers = {"x-api-key": args.key, "Content-Type": "application/json"}

    def call(method: str, path: str, body: str | None = None) -> dict:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"{method} {path} answered {response.status}: {data[:200]!r}")
        return json.loads(data)

    request = {
        "video_inputs": [{
            "character": {"type": "avatar", "avatar_id": "amara_navy_blazer"},
            "voice": {"type": "text", "input_text": "Hi.", "voice_id": "en-us-female"},
        }],
        "dimension": {"width": 320, "height": 180},
    }
    video = call("POST", "/v2/video/generate", json.dumps(request))["data"]["video_id"]
    while call("GET", f"/v3/videos/{video}")["data"]["status"] not in ("completed", "failed"):
        time.sleep(0.2)

    routes = {
        "v1 status": f"/v1/video_status.get?video_id={video}",
        "v3 video": f"/v3/videos/{video}",
        "v1 list": "/v1/video.list?limit=10",
        "v3 list": "/v3/videos?limit=10",
    }
    timings: dict[str, list[float]] = {name: [] for name in routes}
    for _ in range(args.rounds):
        for name, path in routes.items():  # interleaved, so load affects both alike
            start = time.perf_counter()
            call("GET", path)
            timings[name].append(time.perf_counter() - start)
    median = {name: statistics.median(values) * 1000 for name, values in timings.items()}
    for name, value in median.items():
        print(f"{name:10} median {value:.2f} ms")
    print(f"v3/v1 status read: {median['v3 video'] / median['v1 status']:.2f}x")
    print(f"v3/v1 list page:   {median['v3 list'] / median['v1 list']:.2f}x")
    call("DELETE", f"/v3/videos/{video}")


if __name__ == "__main__":
    main()
