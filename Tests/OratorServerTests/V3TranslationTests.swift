import Foundation
import Testing

/// `/v3/video-translations` as HeyGen's CLI drives it (`video-translate create --wait`,
/// `get`, `list`, `update`, `delete`, `languages list`), over the same translations as v2.
@Suite("v3 video translations")
struct V3TranslationTests {
  let schemas = V3ResponseSchemas.shared

  @Test("create --wait, get, list, rename, delete, languages")
  func translationRoundTrip() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let languages = try await cli.get("/v3/video-translations/languages")
      #expect(languages.status == 200, "\(languages.text)")
      schemas.expectValid(languages.json, endpoint: "GET /v3/video-translations/languages")
      let names = languages.json["data"]["languages"].array?.compactMap(\.string) ?? []
      #expect(names.contains("Spanish"), "\(names)")

      let original = try await server.generate(
        VideoRequest.body(text: "Welcome to the demo.", title: "Demo"))
      let done = try await server.waitForStatus(original)
      try #require(done["status"].string == "completed", "\(done)")

      // The CLI reads data.video_translation_ids.0 and polls it.
      let created = try await cli.post(
        "/v3/video-translations",
        json: [
          "video": ["type": "url", "url": try #require(done["video_url"].string)],
          "output_languages": ["Spanish"], "title": "Demo en español", "enable_caption": true,
          "callback_id": "t-1", "mode": "speed", "check_credits_sync": true,
        ])
      #expect(created.status == 200, "\(created.text)")
      schemas.expectValid(created.json, endpoint: "POST /v3/video-translations")
      let id = try #require(created.json["data"]["video_translation_ids"][0].string)

      var resource = JSONValue.missing
      let deadline = ContinuousClock.now + .seconds(240)
      while ContinuousClock.now < deadline {
        let response = try await cli.get("/v3/video-translations/\(id)")
        try #require(response.status == 200, "\(response.text)")
        resource = response.json
        let status = resource["data"]["status"].string ?? ""
        #expect(["pending", "running", "completed", "failed"].contains(status))
        if status == "completed" || status == "failed" { break }
        try await Task.sleep(for: .milliseconds(250))
      }
      schemas.expectValid(resource, endpoint: "GET /v3/video-translations/{video_translation_id}")
      let data = resource["data"]
      #expect(data["status"].string == "completed", "\(resource)")
      #expect(data["output_language"].string == "es" && data["input_language"].string == "en")
      #expect(data["title"].string == "Demo en español" && data["callback_id"].string == "t-1")
      let file = try await server.download(try #require(data["video_url"].string), as: "t.mp4")
      #expect(try await MediaProbe(path: file).audioCodec == "aac")
      // The translated sound alone: an M4A with one audio stream as long as the video.
      let audio = try await server.download(
        try #require(data["audio_url"].string, "\(data)"), as: "translated.m4a")
      let audioProbe = try await MediaProbe(path: audio)
      #expect(audioProbe.audioCodec == "aac" && audioProbe.videoCodec == nil, "\(audioProbe)")
      #expect(abs((audioProbe.duration ?? 0) - (data["duration"].double ?? -9)) < 0.5)
      let srt = try await server.get(try #require(data["srt_caption_url"].string), key: nil)
      #expect(srt.status == 200 && srt.text.contains("-->"))
      let vtt = try await server.get(try #require(data["vtt_caption_url"].string), key: nil)
      #expect(vtt.status == 200 && vtt.text.hasPrefix("WEBVTT"))

      // Listed with the translations only; the same video through v2 and v3's video resource.
      let listed = try await cli.get("/v3/video-translations")
      schemas.expectValid(listed.json, endpoint: "GET /v3/video-translations")
      #expect(listed.json["data"].array?.compactMap { $0["id"].string } == [id])
      #expect(
        try await server.get("/v2/video_translate/\(id)").json["data"]["status"].string == "success"
      )

      // Bulk statuses: the translation completed, the original is no translation, an unknown
      // id is not found; none given is a 400 naming the parameter.
      let statuses = try await cli.get(
        "/v3/video-translations/statuses",
        query: ["video_translation_ids": "\(id),\(original),nothing"])
      schemas.expectValid(statuses.json, endpoint: "GET /v3/video-translations/statuses")
      #expect(
        statuses.json["data"].array?.map { [$0["video_id"].string, $0["status"].string] }
          == [[id, "completed"], [original, "not_found"], ["nothing", "not_found"]],
        "\(statuses.text)")
      let noIDs = try await cli.get("/v3/video-translations/statuses")
      #expect(
        noIDs.status == 400 && noIDs.json["error"]["param"].string == "video_translation_ids")

      let renamed = try await server.request(
        .PATCH, "/v3/video-translations/\(id)",
        body: try JSONSerialization.data(withJSONObject: ["title": "Renamed"]))
      #expect(renamed.status == 200 && renamed.json["data"]["title"].string == "Renamed")
      schemas.expectValid(
        renamed.json, endpoint: "PATCH /v3/video-translations/{video_translation_id}")

      let deleted = try await cli.delete("/v3/video-translations/\(id)")
      #expect(deleted.status == 200 && deleted.json["data"]["id"].string == id)
      schemas.expectValid(
        deleted.json, endpoint: "DELETE /v3/video-translations/{video_translation_id}")
      let gone = try await cli.get("/v3/video-translations/\(id)")
      #expect(gone.status == 404 && gone.json["error"]["code"].string == "not_found")
      // The original is not a translation.
      #expect(try await cli.get("/v3/video-translations/\(original)").status == 404)
    }
  }

  @Test("an uploaded video into two languages, sound only, without captions")
  func assetIntoTwoLanguages() async throws {
    try await TestServer.with { server in
      let cli = HeyGenCLIClient(server: server)
      let original = try await server.generate(
        VideoRequest.body(text: "Thank you for watching.", title: "Thanks"))
      let done = try await server.waitForStatus(original)
      let file = try await server.download(
        try #require(done["video_url"].string, "\(done)"), as: "thanks.mp4")
      let upload = try await cli.upload(
        fileName: "thanks.mp4", bytes: try Data(contentsOf: URL(fileURLWithPath: file)))
      let assetID = try #require(upload.json["data"]["asset_id"].string, "\(upload.text)")

      let created = try await cli.post(
        "/v3/video-translations",
        json: [
          "video": ["type": "asset_id", "asset_id": assetID],
          "output_languages": ["Spanish", "Catalan"], "translate_audio_only": true,
          "enable_caption": false, "input_language": "English", "title": "Thanks, translated",
        ])
      #expect(created.status == 200, "\(created.text)")
      let ids = created.json["data"]["video_translation_ids"].array?.compactMap(\.string) ?? []
      #expect(ids.count == 2, "\(created.text)")

      var languages: [String] = []
      for id in ids {
        var resource = JSONValue.missing
        let deadline = ContinuousClock.now + .seconds(240)
        while ContinuousClock.now < deadline {
          resource = try await cli.get("/v3/video-translations/\(id)").json
          if ["completed", "failed"].contains(resource["data"]["status"].string ?? "") { break }
          try await Task.sleep(for: .milliseconds(250))
        }
        schemas.expectValid(
          resource, endpoint: "GET /v3/video-translations/{video_translation_id}")
        let data = resource["data"]
        #expect(data["status"].string == "completed", "\(resource)")
        #expect(data["translate_audio_only"].bool == true && data["input_language"].string == "en")
        // No captions asked for, none given.
        #expect(data["srt_caption_url"].string == nil && data["vtt_caption_url"].string == nil)
        let translated = try await server.download(
          try #require(data["video_url"].string), as: "thanks-\(id).mp4")
        let probe = try await MediaProbe(path: translated)
        #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac", "\(probe)")
        languages.append(data["output_language"].string ?? "")
      }
      #expect(languages == ["es", "ca"])
    }
  }

  @Test("refusals name v3's fields")
  func refusals() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      let klingon = try await cli.post(
        "/v3/video-translations",
        json: [
          "video": ["type": "url", "url": "https://example.com/a.mp4"],
          "output_languages": ["Klingon"],
        ])
      #expect(klingon.status == 400, "\(klingon.text)")
      #expect(klingon.json["error"]["param"].string == "output_languages[0]", "\(klingon.text)")
      let none = try await cli.post(
        "/v3/video-translations",
        json: [
          "video": ["type": "url", "url": "https://example.com/a.mp4"], "output_languages": [],
        ])
      #expect(none.json["error"]["param"].string == "output_languages", "\(none.text)")
      let noVideo = try await cli.post(
        "/v3/video-translations", json: ["output_languages": ["Spanish"]])
      #expect(noVideo.status == 400 && noVideo.json["error"]["param"].string == "video")
      let unknownAsset = try await cli.post(
        "/v3/video-translations",
        json: [
          "video": ["type": "asset_id", "asset_id": "nothing"], "output_languages": ["Spanish"],
        ])
      #expect(unknownAsset.status == 404, "\(unknownAsset.text)")
      #expect(unknownAsset.json["error"]["code"].string == "asset_not_available")
      // A pair the engines cannot do names the languages this source can go to.
      let noPair = try await cli.post(
        "/v3/video-translations",
        json: [
          "video": ["type": "url", "url": server.baseURL + "/somewhere/a.mp4"],
          "input_language": "English", "output_languages": ["Spanish", "French"],
        ])
      #expect(noPair.status == 400 && noPair.json["error"]["param"].string == "output_languages[1]")
      let message = noPair.json["error"]["message"].string ?? ""
      #expect(message.contains("from English to: ") && message.contains("Spanish"), "\(message)")
      #expect(!message.hasSuffix("French"), "\(message)")
    }
  }
}
