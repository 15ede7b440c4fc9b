import Foundation
import Testing

/// The life of a video over HTTP: generate, poll, download, list, share, delete.
@Suite(.serialized) struct VideoTests {
  static let statusKeys: Set<String> = [
    "id", "status", "video_url", "thumbnail_url", "gif_url", "caption_url", "video_url_caption",
    "duration", "created_at", "callback_id", "error",
    // Orator's addition: how far the render is.
    "progress",
  ]

  @Test func generatePollDownloadShareAndDelete() async throws {
    try await TestServer.with { server in
      let captioned = try await server.generate(
        VideoRequest.body(
          text: "Hello from Orator.", width: 640, height: 360, caption: true, title: "Captioned"))
      let plain = try await server.generate(VideoRequest.body(text: "Hi.", title: "Plain"))
      #expect(captioned.count == 32 && captioned.allSatisfy { $0.isHexDigit && !$0.isUppercase })

      let status = try await server.waitForStatus(captioned)
      #expect(status["status"] == .string("completed"), "\(status)")
      #expect(status.keys == Self.statusKeys)
      #expect(status["id"] == .string(captioned))
      #expect(status["error"].isNull)
      #expect(status["created_at"].int != nil)
      for key in ["video_url", "thumbnail_url", "gif_url", "caption_url", "video_url_caption"] {
        #expect(
          status[key].string?.hasPrefix(server.baseURL + "/media/") == true,
          "\(key): \(status[key])")
      }

      // The video plays in any player: H.264 + AAC at the requested size, as long as it says.
      let duration = try #require(status["duration"].double)
      let file = try await server.download(
        try #require(status["video_url"].string), as: "video.mp4")
      let probe = try await MediaProbe(path: file)
      #expect(probe.videoCodec == "h264")
      #expect(probe.audioCodec == "aac")
      #expect(probe.width == 640 && probe.height == 360)
      let frame = 1 / (probe.frameRate ?? 25)
      #expect(
        abs((probe.duration ?? 0) - duration) <= frame + 0.001,
        "file \(probe.duration ?? 0) s, status \(duration) s")

      let captionedFile = try await server.download(
        try #require(status["video_url_caption"].string), as: "captioned.mp4")
      let captionedProbe = try await MediaProbe(path: captionedFile)
      #expect(captionedProbe.videoCodec == "h264" && captionedProbe.width == 640)

      // Listed with every documented key.
      let list = try await server.get("/v1/video.list")
      #expect(list.status == 200 && list.json["code"] == .number(100))
      let item = try #require(
        list.json["data"]["videos"].array?.first { $0["video_id"] == .string(captioned) })
      #expect(item["video_title"] == .string("Captioned"))
      #expect(item["status"] == .string("completed"))
      #expect(item["created_at"].int != nil)
      #expect(item["type"] == .string("GENERATED"))

      // Shared: a page with a player; an unshared video has no page.
      _ = try await server.waitForStatus(plain)
      let share = try await server.post("/v1/video/share", json: ["video_id": captioned])
      #expect(share.status == 200 && share.json["code"] == .number(100))
      #expect(share.json["data"] == .string("\(server.baseURL)/share/\(captioned)"))
      let page = try await server.get("\(server.baseURL)/share/\(captioned)", key: nil)
      #expect(page.status == 200 && page.text.contains("<video"))
      #expect(try await server.get("/share/\(plain)", key: nil).status == 404)

      // Delete by JSON body and by query; afterwards the status is a v1 404.
      let byBody = try await server.delete("/v1/video.delete", json: ["video_id": captioned])
      #expect(byBody.status == 200)
      #expect(byBody.json["code"] == .number(100) && byBody.json["data"].isNull)
      let byQuery = try await server.delete("/v1/video.delete?video_id=\(plain)")
      #expect(byQuery.status == 200)
      #expect(byQuery.json["code"] == .number(100) && byQuery.json["data"].isNull)
      for id in [captioned, plain] {
        let gone = try await server.get("/v1/video_status.get?video_id=\(id)")
        #expect(gone.status == 404)
        #expect(
          gone.json["code"].int != nil && gone.json["data"].isNull
            && gone.json["message"].string != nil)
      }
      #expect(try await server.get("/share/\(captioned)", key: nil).status == 404)
      let unknown = try await server.delete(
        "/v1/video.delete?video_id=\(String(repeating: "ab", count: 16))")
      #expect(unknown.status == 404 && unknown.json["data"].isNull)
    }
  }

  @Test func paginationVisitsEveryVideoOnce() async throws {
    // No workers: the videos stay queued, which is all a list needs.
    try await TestServer.with(workers: 0) { server in
      var submitted: [String] = []
      for index in 0..<5 {
        submitted.append(try await server.generate(VideoRequest.body(title: "Video \(index)")))
      }
      var seen: [String] = []
      var token: String?
      for _ in 0..<10 {
        let query = "/v1/video.list?limit=1" + (token.map { "&token=\($0)" } ?? "")
        let page = try await server.get(query)
        try #require(page.status == 200, "\(page.text)")
        let videos = try #require(page.json["data"]["videos"].array)
        #expect(videos.count <= 1)
        seen += videos.compactMap { $0["video_id"].string }
        #expect(videos.allSatisfy { $0["status"] == .string("pending") })
        token = page.json["data"]["token"].string
        if token == nil || token?.isEmpty == true { break }
      }
      #expect(seen.count == submitted.count)
      #expect(Set(seen) == Set(submitted))

      let tooMany = try await server.get("/v1/video.list?limit=101")
      #expect(tooMany.status == 400 && tooMany.json["data"].isNull)
    }
  }
}
