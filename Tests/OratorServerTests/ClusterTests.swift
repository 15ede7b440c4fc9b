import Foundation
import OratorStoreContract
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Several `orator serve` nodes and an `orator worker` on one PostgreSQL database, as real
/// processes: starting together on a fresh database, riding out a database outage, and
/// `kill -9` of a node and the worker mid-render without losing or repeating a video.
@Suite(.serialized, .enabled(if: TestPostgres.isAvailable, TestPostgres.skipReason))
struct ClusterTests {
  static let token = "cluster-worker-token-9c1d2e7f"

  /// Whether `server` answers `/readyz` with 200 within 30 s (once its database is back).
  static func becomesReady(_ server: TestServer) async throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(30)
    while ContinuousClock.now < deadline {
      if try await server.get("/readyz", key: nil).status == 200 { return true }
      try await Task.sleep(for: .milliseconds(200))
    }
    return false
  }

  /// A tiny free render: one short sentence at 256×144, watermarked.
  static func body(_ text: String, callbackURL: String? = nil) -> [String: Any] {
    var body = VideoRequest.body(text: text, width: 256, height: 144, title: "Cluster")
    body["test"] = true
    if let callbackURL { body["callback_url"] = callbackURL }
    return body
  }

  /// Three nodes started at the same moment on an empty database with the same `--api-key`:
  /// none crashes, they make one account with one key, and they sign media links with one
  /// secret (kept in the database), so a link handed out by one node downloads from another
  /// although each node has its own data folder.
  @Test func nodesStartingTogetherAgreeOnAccountKeyAndSecret() async throws {
    try await TestPostgres.withDatabase { url in
      try await Cluster.with(workers: [1, 0, 0], arguments: ["--database-url", url]) { cluster in
        #expect(try await TestPostgres.number(url, "SELECT count(*)::text FROM accounts") == 1)
        #expect(try await TestPostgres.number(url, "SELECT count(*)::text FROM api_keys") == 1)
        #expect(try await TestPostgres.number(url, "SELECT count(*)::text FROM settings") == 1)
        for node in cluster.nodes {
          let quota = try await node.get("/v2/user/remaining_quota")
          #expect(quota.status == 200, "\(quota.text)")
        }
        let (a, b) = (cluster.nodes[0], cluster.nodes[1])
        let id = try await a.generate(Self.body("Signed once, served anywhere."))
        let done = try await a.waitForStatus(id, timeout: .seconds(90))
        #expect(done["status"] == .string("completed"), "\(done)")
        let link = try #require(done["video_url"].string)
        #expect(link.hasPrefix(a.baseURL))
        let elsewhere = try await b.get(
          link.replacingOccurrences(of: a.baseURL, with: b.baseURL), key: nil)
        #expect(elsewhere.status == 200, "\(elsewhere.status) \(elsewhere.text.prefix(200))")
        let here = try await a.get(link, key: nil)
        #expect(here.status == 200 && here.body == elsewhere.body)
        // No node wrote a signing key of its own.
        for index in cluster.nodes.indices {
          let file = cluster.root.appendingPathComponent("node-\(index)/url-signing.key")
          #expect(!FileManager.default.fileExists(atPath: file.path))
        }
      }
    }
  }

  /// Two nodes take concurrent submits for one account with `--max-active-renders 5`: the
  /// limit is decided in the transaction that queues each video (the account row locked), so
  /// exactly five are accepted across both nodes and the rest get 429.
  @Test func theActiveLimitHoldsAcrossNodes() async throws {
    try await TestPostgres.withDatabase { url in
      try await Cluster.with(
        workers: [0, 0], arguments: ["--database-url", url, "--max-active-renders", "5"]
      ) { cluster in
        let statuses = try await ConcurrentSubmits.statuses(
          count: 20, of: Self.body("One of many."),
          to: cluster.nodes.map { $0.baseURL + "/v2/video/generate" })
        #expect(statuses.filter { $0 == 200 }.count == 5, "\(statuses)")
        #expect(statuses.filter { $0 == 429 }.count == 15, "\(statuses)")
        #expect(try await TestPostgres.number(url, "SELECT count(*)::text FROM videos") == 5)
      }
    }
  }

  /// The database goes away (every connection cut, nothing listening): API calls answer 503
  /// with Retry-After within a few seconds instead of hanging, `/readyz` says not ready so a
  /// load balancer drains the node, `/healthz` stays a liveness check, and once the database
  /// is back the node is ready and serves again without a restart.
  @Test func aDatabaseOutageIsAQuick503AndNotReady() async throws {
    try await TestPostgres.withDatabase { url in
      let proxy = try TCPProxy(to: try #require(TestPostgres.serverAddress))
      do {
        try await proxy.start()
        let proxied = try TestPostgres.url(url, port: proxy.port)
        try await TestServer.with(workers: 0, arguments: ["--database-url", proxied]) { server in
          #expect(try await server.get("/readyz", key: nil).status == 200)
          #expect(try await server.get("/v1/video.list").status == 200)

          await proxy.cut()
          let cut = ContinuousClock.now
          let list = try await server.get("/v1/video.list")
          let took = ContinuousClock.now - cut
          #expect(list.status == 503, "\(list.status) \(list.text)")
          #expect(list.header("retry-after") != nil)
          #expect(took < .seconds(10), "the 503 took \(took)")
          let generate = try await server.post("/v2/video/generate", json: Self.body("Later."))
          #expect(generate.status == 503, "\(generate.status) \(generate.text)")
          let ready = try await server.get("/readyz", key: nil)
          #expect(ready.status == 503, "\(ready.text)")
          #expect(try await server.get("/healthz", key: nil).status == 200)

          try await proxy.start()
          #expect(
            try await Self.becomesReady(server), "still not ready after the database came back")
          #expect(try await server.get("/v1/video.list").status == 200)
        }
      } catch {
        await proxy.stop()
        throw error
      }
      await proxy.stop()
    }
  }

  /// A database that stops answering without closing anything (paused, or packets dropped):
  /// a call whose statement hangs has its connection closed after 10 s and answers 503, and
  /// `/readyz` says not ready, instead of both hanging until TCP gives up; once the database
  /// answers again the node serves without a restart.
  @Test func aStalledDatabaseIsA503NotAHang() async throws {
    try await TestPostgres.withDatabase { url in
      let proxy = try TCPProxy(to: try #require(TestPostgres.serverAddress))
      do {
        try await proxy.start()
        let proxied = try TestPostgres.url(url, port: proxy.port)
        try await TestServer.with(workers: 0, arguments: ["--database-url", proxied]) { server in
          #expect(try await server.get("/v1/video.list").status == 200)
          proxy.pause()
          let paused = ContinuousClock.now
          let list = try await server.get("/v1/video.list")
          #expect(list.status == 503, "\(list.status) \(list.text)")
          let ready = try await server.get("/readyz", key: nil)
          #expect(ready.status == 503, "\(ready.status) \(ready.text)")
          let took = ContinuousClock.now - paused
          #expect(took < .seconds(30), "took \(took)")
          proxy.resume()
          #expect(
            try await Self.becomesReady(server), "still not ready after the database answered again"
          )
          #expect(try await server.get("/v1/video.list").status == 200)
        }
      } catch {
        await proxy.stop()
        throw error
      }
      await proxy.stop()
    }
  }

  /// A remote worker's completion that meets a database outage is answered 503 and keeps the
  /// uploaded files, so the worker's retry once the database is back completes the video
  /// with them instead of the render being thrown away.
  @Test func aRemoteCompletionOutlivesADatabaseOutage() async throws {
    try await TestPostgres.withDatabase { url in
      let proxy = try TCPProxy(to: try #require(TestPostgres.serverAddress))
      do {
        try await proxy.start()
        let arguments = [
          "--database-url", try TestPostgres.url(url, port: proxy.port), "--worker-token",
          Self.token,
        ]
        try await TestServer.with(workers: 0, arguments: arguments) { server in
          let id = try await server.generate(Self.body("Finished once the database is back."))
          let claim = try await RemoteWorkerTests.workerPost(
            server, "/internal/worker/claim", json: ["owner": "raw", "wait_seconds": 5],
            token: Self.token)
          let answer = try JSONSerialization.jsonObject(with: claim.body) as? [String: Any]
          let lease = try #require((answer?["job"] as? [String: Any])?["lease"], "\(claim.text)")
          let job = try #require(claim.json["job"]["lease"]["job_id"].string)
          let fencing = try #require(claim.json["job"]["lease"]["fencing_token"].int)
          let bytes = Data("the rendered video".utf8)
          let upload = try await server.request(
            .PUT, "/internal/worker/files/\(job)/\(fencing)/video.mp4", body: bytes, key: nil,
            headers: [("Authorization", "Bearer \(Self.token)")])
          #expect(upload.status == 200, "\(upload.text)")
          let complete: [String: Any] = [
            "lease": lease, "duration": 1.5, "files": ["video": "video.mp4"],
          ]

          await proxy.cut()
          let refused = try await RemoteWorkerTests.workerPost(
            server, "/internal/worker/complete", json: complete, token: Self.token)
          #expect(refused.status == 503, "\(refused.status) \(refused.text)")

          try await proxy.start()
          var done = try await RemoteWorkerTests.workerPost(
            server, "/internal/worker/complete", json: complete, token: Self.token)
          let deadline = ContinuousClock.now + .seconds(30)
          while done.status == 503 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            done = try await RemoteWorkerTests.workerPost(
              server, "/internal/worker/complete", json: complete, token: Self.token)
          }
          #expect(done.status == 200, "\(done.status) \(done.text)")
          let status = try await server.status(id)
          #expect(status["status"] == .string("completed"), "\(status)")
          let video = try await server.get(try #require(status["video_url"].string), key: nil)
          #expect(video.status == 200 && video.body == bytes)
        }
      } catch {
        await proxy.stop()
        throw error
      }
      await proxy.stop()
    }
  }

  /// Two API nodes (one with an in-process worker) and a remote worker on one database; a
  /// batch of videos; `kill -9` of the node with the worker and of the remote worker while
  /// they render, then both started again. Every video completes exactly once: one completed
  /// job each, one success event each (written in the completing transaction), and the same
  /// bytes from either node.
  @Test func killedNodeAndWorkerLoseAndRepeatNothing() async throws {
    try await TestPostgres.withDatabase { url in
      // Nothing listens there: the callbacks only make the completions leave a trace.
      let callback = "http://127.0.0.1:\(try TestServer.freePort())/hook"
      let arguments = [
        "--database-url", url, "--lease-seconds", "3", "--worker-token", Self.token,
      ]
      try await Cluster.with(workers: [1, 0], arguments: arguments) { cluster in
        let (a, b) = (cluster.nodes[0], cluster.nodes[1])
        var ids: [String] = []
        for index in 0..<8 {
          let node = index % 2 == 0 ? a : b
          // A few sentences: long enough that the kills below land mid-render.
          let text =
            "Video \(index) of the batch. "
            + String(
              repeating: "It keeps the renderer busy for a moment. ", count: 3)
          ids.append(try await node.generate(Self.body(text, callbackURL: callback)))
        }
        let worker = try WorkerProcess(server: b, token: Self.token)
        do {
          #expect(try await worker.waitForLog("rendering", timeout: .seconds(60)), "\(worker.log)")
          // Both renderers are busy now: kill them where they stand.
          await worker.kill(signal: SIGKILL)
          await a.kill(signal: SIGKILL)
          try await a.restart()
        } catch {
          await worker.stop()
          throw error
        }
        try await WorkerProcess.with(server: b, token: Self.token) { second in
          for id in ids {
            let status = try await b.waitForStatus(id, timeout: .seconds(90))
            #expect(status["status"] == .string("completed"), "\(status)\n\(second.log)")
          }
        }

        // The kills interrupted renders: some job needed a second attempt.
        let attempts = try await TestPostgres.number(url, "SELECT max(attempt)::text FROM jobs")
        #expect(attempts >= 2, "no render was interrupted")
        let jobs = try await TestPostgres.rows(
          url, "SELECT state, count(*)::text FROM jobs GROUP BY state")
        #expect(jobs == [["completed", "\(ids.count)"]], "\(jobs)")
        let events = try await TestPostgres.rows(
          url,
          """
          SELECT v.id, (SELECT count(*) FROM webhook_events e
            WHERE e.event_type = 'avatar_video.success'
              AND position(v.id in convert_from(e.payload, 'UTF8')) > 0)::text
          FROM videos v ORDER BY v.id
          """)
        #expect(events.count == ids.count)
        #expect(events.allSatisfy { $0.last == "1" }, "\(events)")
        for id in ids {
          let fromA = try await a.status(id)
          let fromB = try await b.status(id)
          #expect(fromA["status"] == .string("completed") && fromB["status"] == fromA["status"])
          let onA = try await a.get(try #require(fromA["video_url"].string), key: nil)
          let onB = try await b.get(try #require(fromB["video_url"].string), key: nil)
          #expect(onA.status == 200 && onB.status == 200)
          #expect(onA.body == onB.body && !onA.body.isEmpty)
        }
      }
    }
  }
}
