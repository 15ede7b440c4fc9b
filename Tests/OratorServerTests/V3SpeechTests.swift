import Foundation
import Testing

@Suite("v3 text to speech (real espeak-ng, ffmpeg, HTTP)")
struct V3SpeechTests {
  let schemas = V3ResponseSchemas.shared

  @Test("a script spoken as an MP3 asset with its words' times, then a video speaks it")
  func speechThenVideo() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let spoken = try await cli.post(
        "/v3/voices/speech",
        json: [
          "text": "Good morning. <break time=\"0.5s\"/> Here is the plan.",
          "voice_id": "en-us-female", "input_type": "ssml", "speed": 1.1,
        ])
      #expect(spoken.status == 200, "\(spoken.text)")
      schemas.expectValid(spoken.json, endpoint: "POST /v3/voices/speech")
      let data = spoken.json["data"]
      let duration = try #require(data["duration"].double)
      #expect(duration > 1.5 && duration < 6, "\(duration)")

      // The words of the script, in order, with the pause between the sentences.
      let words = try #require(data["word_timestamps"].array)
      #expect(
        words.map { $0["word"].string } == ["Good", "morning.", "Here", "is", "the", "plan."])
      let times = words.map { ($0["start"].double ?? -1, $0["end"].double ?? -1) }
      for (index, (start, end)) in times.enumerated() {
        #expect(start >= 0 && end > start && end <= duration + 0.01, "\(words[index])")
        if index > 0 { #expect(start >= times[index - 1].1 - 1e-6, "\(words[index])") }
      }
      #expect(times[2].0 - times[1].1 >= 0.45, "the pause: \(times)")

      // The file is an MP3 of that length, and an audio asset of the account.
      let file = try await server.download(
        try #require(data["audio_url"].string), as: "speech.mp3")
      let probe = try await MediaProbe(path: file)
      #expect(probe.audioCodec == "mp3", "\(probe)")
      #expect(abs((probe.duration ?? 0) - duration) < 0.15, "\(probe) against \(duration)")
      let assetID = try #require(data["request_id"].string)
      let asset = try await cli.get("/v3/assets/\(assetID)")
      #expect(asset.json["data"]["type"].string == "audio", "\(asset.text)")

      let created = try await cli.post(
        "/v3/videos",
        json: [
          "type": "avatar", "avatar_id": "kofi_blue_shirt", "audio_asset_id": assetID,
          "resolution": "720p", "aspect_ratio": "1:1",
        ])
      try #require(created.status == 200, "\(created.text)")
      let done = try await V3VideoTests.waitForVideo(
        cli, try #require(created.json["data"]["video_id"].string))
      #expect(done["data"]["status"].string == "completed", "\(done)")
      #expect(abs((done["data"]["duration"].double ?? 0) - duration) < 0.2, "\(done)")
    }
  }

  @Test("bad requests name their field")
  func refusals() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      let cases: [([String: Any], String)] = [
        (["voice_id": "en-us-female"], "text"),
        (["text": "   ", "voice_id": "en-us-female"], "text"),
        (["text": String(repeating: "a", count: 5001), "voice_id": "en-us-female"], "text"),
        (["text": "Hello."], "voice_id"),
        (["text": "Hello.", "voice_id": "no-such-voice"], "voice_id"),
        (["text": "Hello.", "voice_id": "en-us-female", "speed": 3], "speed"),
        (["text": "Hello.", "voice_id": "en-us-female", "input_type": "xml"], "input_type"),
        (["text": 12, "voice_id": "en-us-female"], "text"),
      ]
      for (body, field) in cases {
        let answer = try await cli.post("/v3/voices/speech", json: body)
        #expect(answer.status == 400, "\(field): \(answer.text)")
        #expect(answer.json["error"]["param"].string == field, "\(answer.text)")
      }
      let unauthenticated = try await server.request(
        .POST, "/v3/voices/speech", body: Data("{}".utf8), key: nil)
      #expect(unauthenticated.status == 401)
    }
  }
}
