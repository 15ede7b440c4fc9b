import Foundation
import OratorStoreContract
import Testing

/// `orator serve --database-url`: the whole service on PostgreSQL, from a fresh database
/// migrated by `orator migrate` to a rendered MP4, and a job that outlives `kill -9`.
@Suite(.serialized, .enabled(if: TestPostgres.isAvailable, TestPostgres.skipReason))
struct PostgresServerTests {
  @Test func rendersAndSurvivesACrashOnPostgres() async throws {
    try await TestPostgres.withDatabase { url in
      let migrate = try await Tool.run(
        TestServer.executable().path, ["migrate", "--database-url", url])
      #expect(migrate.status == 0, "\(migrate.output)")
      #expect(migrate.output.contains("schema at version 10"), "\(migrate.output)")

      try await TestServer.with(arguments: ["--database-url", url] + JobTests.shortLease) {
        server in
        let id = try await server.generate(VideoRequest.body(text: "Hello from PostgreSQL."))
        let done = try await server.waitForStatus(id)
        #expect(done["status"] == .string("completed"), "\(done)")
        let video = try await server.download(try #require(done["video_url"].string), as: "v.mp4")
        let probe = try await MediaProbe(path: video)
        #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
        // The store is the database: no SQLite file appears beside the media.
        #expect(
          !FileManager.default.fileExists(
            atPath: server.dataDirectory.appendingPathComponent("orator.sqlite").path))

        // A render in progress when the server is killed finishes after the restart.
        let long = String(
          repeating: "This sentence keeps the renderer busy for a little while. ", count: 6)
        let crashed = try await server.generate(VideoRequest.body(text: long, title: "Crash"))
        let seen = try await server.waitForStatus(
          crashed, in: ["processing", "completed", "failed"])
        #expect(seen["status"] == .string("processing"), "\(seen)")
        await server.kill(signal: SIGKILL)
        try await server.restart()
        let after = try await server.waitForStatus(crashed)
        #expect(after["status"] == .string("completed"), "\(after)")
        // The first video is still there after the restart, read from the database.
        #expect(try await server.status(id)["status"] == .string("completed"))
      }
    }
  }
}
