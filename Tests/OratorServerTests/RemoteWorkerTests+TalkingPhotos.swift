import Foundation
import Testing

extension RemoteWorkerTests {
  /// A remote worker renders a talking photo with the face the server stored: it gets the
  /// landmarks and a signed link to the picture for its lease, and needs no face finder.
  @Test func talkingPhotoRendersRemotely() async throws {
    try await Self.withServer { server in
      let upload = try await TalkingPhotoTests.upload(
        try TalkingPhotoTests.photo("astronaut.jpg"), to: server)
      #expect(upload.status == 200, "\(upload.text)")
      let photo = try #require(upload.json["data"]["talking_photo_id"].string)
      try await WorkerProcess.with(server: server, token: Self.token) { worker in
        let id = try await server.generate(TalkingPhotoTests.body(photo: photo))
        let status = try await server.waitForStatus(id, timeout: .seconds(120))
        #expect(status["status"] == .string("completed"), "\(status)\n\(worker.log)")
        let file = try await server.download(
          try #require(status["video_url"].string), as: "remote-photo.mp4")
        #expect(try await MediaProbe(path: file).videoCodec == "h264")
      }
    }
  }
}
