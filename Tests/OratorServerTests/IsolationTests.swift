import Foundation
import Testing

/// Accounts see only their own videos: another account's key gets 404s and empty lists.
@Suite(.serialized) struct IsolationTests {
  @Test func anotherAccountCannotReachAVideo() async throws {
    try await TestServer.with(workers: 0) { server in
      let id = try await server.generate()
      let other = try await server.createKey()

      let status = try await server.get("/v1/video_status.get?video_id=\(id)", key: other.key)
      #expect(status.status == 404 && status.json["data"].isNull)

      let list = try await server.get("/v1/video.list", key: other.key)
      #expect(list.status == 200)
      #expect(list.json["data"]["videos"].array?.isEmpty == true, "\(list.text)")

      let share = try await server.post("/v1/video/share", json: ["video_id": id], key: other.key)
      #expect(share.status == 404 && share.json["data"].isNull)

      let delete = try await server.delete(
        "/v1/video.delete", json: ["video_id": id], key: other.key)
      #expect(delete.status == 404 && delete.json["data"].isNull)

      // The owner still has it, and the other account's own videos are its own.
      #expect(try await server.status(id)["status"] == .string("pending"))
      let theirs = try await server.generate(key: other.key)
      let mine = try await server.get("/v1/video.list")
      let ids = mine.json["data"]["videos"].array?.compactMap { $0["video_id"].string }
      #expect(ids == [id])
      let theirList = try await server.get("/v1/video.list", key: other.key)
      #expect(
        theirList.json["data"]["videos"].array?.compactMap { $0["video_id"].string } == [theirs])
    }
  }
}
