import Foundation
import Testing

/// The README's curl + jq recipes, run as a client would run them: recipes 1–7 and 13 and the
/// wrong-key check (templates and translation have suites of their own).
@Suite(.serialized) struct SeedRecipeTests {
  static let expectedChecks = [
    "1 list avatars", "2 avatar details", "3 list voices", "4 generate",
    "5 status completed with url and duration", "5b video_url is an H.264 MP4 with audio",
    "6 list videos", "13 share page plays the video", "7 delete", "7b deleted video is gone (404)",
    "7c delete by query", "wrong key is refused (401)",
  ]

  /// Prints `ok <name>` or `FAIL <name>` per check. Needs curl, jq and ffprobe.
  static let script = #"""
    set -u
    BASE=$1; KEY=$2; tmp=$3
    H=(--header "x-api-key: $KEY")
    ok() { echo "ok   $1"; }; bad() { echo "FAIL $1"; }
    check() { local name=$1; shift; if "$@" >/dev/null 2>&1; then ok "$name"; else bad "$name"; fi; }

    check "1 list avatars" sh -c "curl -s -X GET '$BASE/v2/avatars' --header 'x-api-key: $KEY' | jq -e '[.data.avatars[] | {avatar_id, avatar_name, gender}] | length > 0'"
    AV=$(curl -s "$BASE/v2/avatars" "${H[@]}" | jq -r '.data.avatars[0].avatar_id // empty' 2>/dev/null)
    AV=${AV:-amara_navy_blazer}
    check "2 avatar details" sh -c "curl -s -X GET '$BASE/v2/avatar/$AV/details' --header 'x-api-key: $KEY' | jq -e '.data != null'"
    check "3 list voices" sh -c "curl -s -X GET '$BASE/v2/voices' --header 'x-api-key: $KEY' | jq -e '[.data.voices[] | {voice_id, name, language, gender}] | length > 0'"
    VO=$(curl -s "$BASE/v2/voices" "${H[@]}" | jq -r '[.data.voices[] | select(.language | test("English"))][0].voice_id // empty' 2>/dev/null)
    VO=${VO:-en-us-female}
    cat >"$tmp/heygen_request.json" <<JSON
    {"video_inputs":[{"character":{"type":"avatar","avatar_id":"$AV","avatar_style":"normal"},
     "voice":{"type":"text","input_text":"Hello! Welcome to our product demo.","voice_id":"$VO","speed":1.0},
     "background":{"type":"color","value":"#FFFFFF"}}],
     "dimension":{"width":1920,"height":1080},"title":"Product Demo Video"}
    JSON
    VID=$(curl -s -X POST "$BASE/v2/video/generate" "${H[@]}" --header "Content-Type: application/json" -d @"$tmp/heygen_request.json" | jq -r '.data.video_id')
    if [ -n "$VID" ] && [ "$VID" != null ]; then ok "4 generate"; else bad "4 generate"; exit 0; fi
    st=""; for _ in $(seq 1 1200); do
      st=$(curl -s "$BASE/v1/video_status.get?video_id=$VID" "${H[@]}" | jq -r '.data.status')
      case $st in completed|failed) break;; esac; sleep 0.1; done
    S=$(curl -s "$BASE/v1/video_status.get?video_id=$VID" "${H[@]}")
    check "5 status completed with url and duration" jq -e '.code == 100 and .data.status == "completed" and (.data.duration|type=="number") and (.data.video_url|startswith("http"))' <<<"$S"
    curl -s -o "$tmp/v.mp4" "$(jq -r .data.video_url <<<"$S")"
    check "5b video_url is an H.264 MP4 with audio" sh -c "ffprobe -v error -show_entries stream=codec_name -of csv=p=0 '$tmp/v.mp4' | grep -q h264 && ffprobe -v error -show_entries stream=codec_name -of csv=p=0 '$tmp/v.mp4' | grep -q aac"
    check "6 list videos" sh -c "curl -s -X GET '$BASE/v1/video.list' --header 'x-api-key: $KEY' | jq -e --arg id '$VID' '[.data.videos[].video_id] | index(\$id) != null'"
    SH=$(curl -s -X POST "$BASE/v1/video/share" "${H[@]}" --header "Content-Type: application/json" -d "{\"video_id\": \"$VID\"}" | jq -r '.data')
    check "13 share page plays the video" sh -c "curl -s '$SH' | grep -qi '<video'"
    check "7 delete" sh -c "curl -s -X DELETE '$BASE/v1/video.delete' --header 'x-api-key: $KEY' --header 'Content-Type: application/json' -d '{\"video_id\": \"$VID\"}' | jq -e '.code == 100'"
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/v1/video_status.get?video_id=$VID" "${H[@]}")
    check "7b deleted video is gone (404)" test "$code" = 404
    VID2=$(curl -s -X POST "$BASE/v2/video/generate" "${H[@]}" --header "Content-Type: application/json" -d @"$tmp/heygen_request.json" | jq -r '.data.video_id')
    check "7c delete by query" sh -c "curl -s -X DELETE '$BASE/v1/video.delete?video_id=$VID2' --header 'x-api-key: $KEY' | jq -e '.code == 100 and .data == null'"
    code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/v2/avatars" --header "x-api-key: wrong-key")
    check "wrong key is refused (401)" test "$code" = 401
    """#

  @Test func recipesWorkWithCurlAndJq() async throws {
    try await TestServer.with { server in
      let scriptURL = server.dataDirectory.appendingPathComponent("recipes.sh")
      try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)
      let scratch = server.dataDirectory.appendingPathComponent("recipes")
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      let result = try await Tool.run(
        "bash", [scriptURL.path, server.baseURL, TestServer.apiKey, scratch.path])
      let lines = result.output.split(separator: "\n").map(String.init)
      for check in Self.expectedChecks {
        #expect(lines.contains("ok   \(check)"), "recipe \"\(check)\" failed:\n\(result.output)")
      }
    }
  }
}
