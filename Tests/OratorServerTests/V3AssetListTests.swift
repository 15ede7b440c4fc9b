import Foundation
import Testing

@Suite("v3 asset list (real HTTP, files on disk)")
struct V3AssetListTests {
  let schemas = V3ResponseSchemas.shared

  @Test("GET /v3/assets lists the account's uploads in pages, and no one else's")
  func listInPages() async throws {
    try await TestServer.with(workers: 0) { server in
      let cli = HeyGenCLIClient(server: server)
      var uploaded: Set<String> = []
      for colour in ["red", "green", "blue"] {
        let png = server.dataDirectory.appendingPathComponent("\(colour).png")
        let made = try await Tool.run(
          "ffmpeg",
          [
            "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=\(colour):s=16x16", "-frames:v",
            "1", png.path,
          ])
        try #require(made.status == 0, "\(made.output)")
        let answer = try await cli.upload(fileName: "\(colour).png", bytes: Data(contentsOf: png))
        uploaded.insert(try #require(answer.json["data"]["asset_id"].string, "\(answer.text)"))
      }

      let first = try await cli.get("/v3/assets", query: ["limit": "2"])
      #expect(first.status == 200, "\(first.text)")
      schemas.expectValid(first.json, endpoint: "GET /v3/assets")
      let firstRows = try #require(first.json["data"].array)
      #expect(firstRows.count == 2 && first.json["has_more"].bool == true, "\(first.text)")
      let token = try #require(first.json["next_token"].string)
      let second = try await cli.get("/v3/assets", query: ["limit": "2", "token": token])
      let secondRows = try #require(second.json["data"].array)
      #expect(secondRows.count == 1 && second.json["has_more"].bool == false, "\(second.text)")
      let listed = (firstRows + secondRows).compactMap { $0["id"].string }
      #expect(Set(listed) == uploaded && listed.count == 3)
      for row in firstRows + secondRows {
        #expect(row["type"].string == "image" && row["url"].string?.hasPrefix("http") == true)
      }

      // Orator keeps no folders; a bad limit names itself; another account sees nothing.
      let inFolder = try await cli.get("/v3/assets", query: ["folder_id": "f1"])
      #expect(inFolder.json["data"].array?.isEmpty == true, "\(inFolder.text)")
      let badLimit = try await cli.get("/v3/assets", query: ["limit": "0"])
      #expect(badLimit.status == 400 && badLimit.json["error"]["param"].string == "limit")
      let other = try await server.createKey()
      let theirs = try await server.request(.GET, "/v3/assets", key: other.key)
      #expect(theirs.status == 200 && theirs.json["data"].array?.isEmpty == true, "\(theirs.text)")
    }
  }
}
