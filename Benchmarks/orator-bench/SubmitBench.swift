import AsyncHTTPClient
import Foundation
import HeyGenAPI
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
  import Glibc
#endif

/// `orator-bench submits`: a real `orator serve` takes `videos` generate requests from
/// `concurrency` clients at once, with no render workers, against `GET /healthz` at the same
/// concurrency in the same run; every video must be listed exactly once. The server is then
/// restarted on the same data folder with `workers` in-process workers and the time until all
/// are completed is measured. Peak resident memory of the server and its render processes is
/// sampled from /proc throughout.
struct SubmitBenchOptions {
  var videos = 1000
  var concurrency = 1000
  var workers = 2
  /// The `orator` binary; by default the one beside this benchmark (same build folder).
  var orator: String?
  /// Leave the drain phase out.
  var submitOnly = false
  /// Keep the data folder and the server logs.
  var keepData = false

  init(_ arguments: some Collection<String>) throws {
    var rest = Array(arguments)
    func value(_ flag: String) throws -> String {
      guard let index = rest.firstIndex(of: flag), index + 1 < rest.count else {
        throw BenchError("\(flag) needs a value")
      }
      defer { rest.removeSubrange(index...(index + 1)) }
      return rest[index + 1]
    }
    func number(_ flag: String, _ current: Int, minimum: Int) throws -> Int {
      guard rest.contains(flag) else { return current }
      guard let number = Int(try value(flag)), number >= minimum else {
        throw BenchError("\(flag) must be a whole number of at least \(minimum)")
      }
      return number
    }
    videos = try number("--videos", videos, minimum: 1)
    concurrency = min(videos, try number("--concurrency", concurrency, minimum: 1))
    workers = try number("--workers", workers, minimum: 1)
    if rest.contains("--orator") { orator = try value("--orator") }
    func flag(_ name: String) -> Bool {
      guard let index = rest.firstIndex(of: name) else { return false }
      rest.remove(at: index)
      return true
    }
    submitOnly = flag("--submit-only")
    keepData = flag("--keep-data")
    guard rest.isEmpty else {
      throw BenchError("unknown arguments: \(rest.joined(separator: " "))")
    }
  }
}

struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

func benchSubmits(_ options: SubmitBenchOptions) async throws {
  let orator = try findOrator(options.orator)
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let data = FileManager.default.temporaryDirectory.appendingPathComponent(
    "orator-bench-submits-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
  let key = "bench-\(UUID().uuidString)"
  print(
    "submits: \(options.videos) videos, \(options.concurrency) concurrent clients, \(cores) cores")
  print("  server: \(orator.path)")

  var configuration = HTTPClient.Configuration()
  configuration.httpVersion = .http1Only
  configuration.connectionPool = .init(
    idleTimeout: .seconds(300), concurrentHTTP1ConnectionsPerHostSoftLimit: options.concurrency)
  configuration.timeout = .init(connect: .seconds(60), read: .seconds(300))
  let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  var servers: [BenchServer] = []
  do {
    let bench = SubmitBench(options: options, client: client, key: key)
    // Phase 1: submits with no workers, so nothing renders while they are taken.
    let first = try await BenchServer.start(
      orator, data: data, key: key, workers: 0, maxActive: options.videos + 10, log: "submit")
    servers.append(first)
    let submit = try await bench.submitPhase(first)
    let submitMemory = await first.stop()
    servers.removeAll()

    var drain: DrainResult?
    var drainMemory: MemoryPeaks?
    if !options.submitOnly, submit.listOK {
      // Phase 2: the same data folder with in-process workers, until every video is done.
      let second = try await BenchServer.start(
        orator, data: data, key: key, workers: options.workers, maxActive: options.videos + 10,
        log: "drain")
      servers.append(second)
      drain = try await bench.drainPhase(second, ids: submit.ids)
      drainMemory = await second.stop()
      servers.removeAll()
    }
    try await client.shutdown()
    report(
      options, submit: submit, submitMemory: submitMemory, drain: drain, drainMemory: drainMemory)
    if options.keepData || !submit.listOK {
      print("  data folder and server logs kept in \(data.path)")
    } else {
      try? FileManager.default.removeItem(at: data)
    }
    if !submit.listOK { exit(1) }
  } catch {
    for server in servers { _ = await server.stop() }
    try? await client.shutdown()
    print("submits: \(error)\n  data folder and server logs kept in \(data.path)")
    exit(1)
  }
}

/// The `orator` executable beside this one (the same build folder), or the one given.
func findOrator(_ given: String?) throws -> URL {
  if let given { return URL(fileURLWithPath: given) }
  let own = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  let candidate = own.deletingLastPathComponent().appendingPathComponent("orator")
  guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
    let configuration = own.deletingLastPathComponent().lastPathComponent
    throw BenchError(
      "no orator binary beside \(own.path); build it first: "
        + "swift build -c \(configuration) --product orator (or pass --orator PATH)")
  }
  return candidate
}

// MARK: - Phases

struct SubmitResult {
  var connect: Batch
  var healthz: Batch
  var submits: Batch
  var ids: [String]
  var listed: Int
  var listedDistinct: Int
  var missing: Int
  var unexpected: Int
  var pages: Int

  /// Every accepted video listed once, and nothing else.
  var listOK: Bool {
    listed == ids.count && listedDistinct == ids.count && missing == 0 && unexpected == 0
  }
}

struct DrainResult {
  var startup: Double
  var seconds: Double
  var completed: Int
  var failed: Int
  var videoSeconds: Double
  var firstFailure: String?
}

/// One round of requests: how long it took and each request's status and latency.
struct Batch {
  var seconds: Double
  var outcomes: [Outcome]

  var rate: Double { Double(outcomes.count) / seconds }
  var ok: Int { outcomes.filter { $0.status == 200 }.count }
  func latency(_ quantile: Double) -> Double {
    let sorted = outcomes.map(\.seconds).sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * quantile))]
  }
  /// Status codes other than 200 with their counts, and the first failure's body.
  var failures: String {
    let bad = outcomes.filter { $0.status != 200 }
    guard let first = bad.first else { return "none" }
    let counts = Dictionary(grouping: bad, by: \.status).map { "\($0.value.count) × \($0.key)" }
    return counts.sorted().joined(separator: ", ") + "; first: " + first.body.prefix(300)
  }
}

struct Outcome: Sendable {
  /// HTTP status, or 0 when the request failed before an answer.
  var status: Int
  var seconds: Double
  var body: String
}

struct SubmitBench {
  let options: SubmitBenchOptions
  let client: HTTPClient
  let key: String

  func submitPhase(_ server: BenchServer) async throws -> SubmitResult {
    let base = server.baseURL
    let count = options.videos
    let concurrency = options.concurrency
    // The first round opens the connections; the reference and the submits reuse them.
    let connect = await run(count: count, concurrency: concurrency) { _ in
      await request(.GET, base + "/healthz")
    }
    // The reference: the median of three rounds.
    var rounds: [Batch] = []
    for _ in 0..<3 {
      rounds.append(
        await run(count: count, concurrency: concurrency) { _ in
          await request(.GET, base + "/healthz")
        })
    }
    let healthz = rounds.sorted { $0.rate < $1.rate }[1]
    let submits = await run(count: count, concurrency: concurrency) { index in
      await request(.POST, base + "/v2/video/generate", body: generateBody(index))
    }
    guard submits.ok == count else {
      throw BenchError("\(count - submits.ok) of \(count) submits refused: \(submits.failures)")
    }
    let decoder = JSONDecoder()
    let ids = try submits.outcomes.map { outcome in
      let envelope = try decoder.decode(
        V2Envelope<VideoGenerateResult>.self, from: Data(outcome.body.utf8))
      guard let id = envelope.data?.videoId else {
        throw BenchError("a submit answered 200 without a video id: \(outcome.body)")
      }
      return id
    }
    // Every accepted video is listed exactly once.
    let (listed, pages) = try await listAll(base)
    let listedIDs = listed.map(\.videoId)
    let submitted = Set(ids)
    let distinct = Set(listedIDs)
    return SubmitResult(
      connect: connect, healthz: healthz, submits: submits, ids: ids, listed: listedIDs.count,
      listedDistinct: distinct.count, missing: submitted.subtracting(distinct).count,
      unexpected: distinct.subtracting(submitted).count, pages: pages)
  }

  func drainPhase(_ server: BenchServer, ids: [String]) async throws -> DrainResult {
    let base = server.baseURL
    let clock = ContinuousClock()
    var lastProgress = (count: -1, at: clock.now)
    var lastPrint = clock.now
    var done = (completed: 0, failed: 0)
    while true {
      let (listed, _) = try await listAll(base)
      done = (
        listed.filter { $0.status == "completed" }.count,
        listed.filter { $0.status == "failed" }.count
      )
      let finished = done.completed + done.failed
      if finished >= ids.count { break }
      if finished > lastProgress.count { lastProgress = (finished, clock.now) }
      if clock.now - lastProgress.at > .seconds(300) {
        throw BenchError("no video finished for 5 minutes (\(finished) of \(ids.count) done)")
      }
      if clock.now - lastPrint > .seconds(15) {
        lastPrint = clock.now
        let elapsed = seconds(clock.now - server.launched)
        print(String(format: "  … %d of %d finished after %.0f s", finished, ids.count, elapsed))
      }
      try await Task.sleep(for: .milliseconds(250))
    }
    let elapsed = seconds(clock.now - server.launched)
    // The videos' own durations, read once everything is done.
    let statuses = await run(count: ids.count, concurrency: 8) { index in
      await request(.GET, base + "/v1/video_status.get?video_id=\(ids[index])")
    }
    var total = 0.0
    var firstFailure: String?
    let decoder = JSONDecoder()
    for outcome in statuses.outcomes {
      let envelope = try decoder.decode(
        V1Envelope<VideoStatusData>.self, from: Data(outcome.body.utf8))
      guard let data = envelope.data else { throw BenchError("status: \(outcome.body)") }
      total += data.duration ?? 0
      if data.status == "failed", firstFailure == nil {
        firstFailure = data.error.map { "\($0.code) \($0.message): \($0.detail)" } ?? "failed"
      }
    }
    return DrainResult(
      startup: server.startup, seconds: elapsed, completed: done.completed, failed: done.failed,
      videoSeconds: total, firstFailure: firstFailure)
  }

  /// Every page of `GET /v1/video.list` (100 a page), and how many pages it took.
  func listAll(_ base: String) async throws -> ([VideoListItem], Int) {
    var items: [VideoListItem] = []
    var token: String?
    var pages = 0
    repeat {
      pages += 1
      guard pages <= options.videos / 100 + 10 else { throw BenchError("video.list never ends") }
      var url = base + "/v1/video.list?limit=100"
      if let token {
        url +=
          "&token=" + (token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
      }
      let outcome = await request(.GET, url)
      guard outcome.status == 200 else {
        throw BenchError("video.list answered \(outcome.status): \(outcome.body.prefix(300))")
      }
      let page = try JSONDecoder().decode(
        V1Envelope<VideoListData>.self, from: Data(outcome.body.utf8))
      items += page.data?.videos ?? []
      token = page.data?.token
    } while token != nil
    return (items, pages)
  }

  func generateBody(_ index: Int) -> String {
    """
    {"video_inputs":[{"character":{"type":"avatar","avatar_id":"amara_navy_blazer",\
    "avatar_style":"normal"},"voice":{"type":"text","input_text":"Hello there.",\
    "voice_id":"en-us-female","speed":1.0},"background":{"type":"color","value":"#FFFFFF"}}],\
    "dimension":{"width":128,"height":128},"test":true,"title":"bench \(index)"}
    """
  }

  /// One request with the API key; never throws (a transport error is status 0).
  func request(_ method: HTTPMethod, _ url: String, body: String? = nil) async -> Outcome {
    let clock = ContinuousClock()
    let start = clock.now
    var request = HTTPClientRequest(url: url)
    request.method = method
    request.headers.add(name: "x-api-key", value: key)
    if let body {
      request.headers.add(name: "content-type", value: "application/json")
      request.body = .bytes(ByteBuffer(string: body))
    }
    do {
      let response = try await client.execute(request, timeout: .seconds(300))
      let bytes = try await response.body.collect(upTo: 16 << 20)
      return Outcome(
        status: Int(response.status.code), seconds: seconds(clock.now - start),
        body: String(buffer: bytes))
    } catch {
      return Outcome(status: 0, seconds: seconds(clock.now - start), body: "\(error)")
    }
  }

  /// Runs `count` requests with at most `concurrency` in flight and times the whole round.
  func run(
    count: Int, concurrency: Int, _ body: @escaping @Sendable (Int) async -> Outcome
  ) async -> Batch {
    let clock = ContinuousClock()
    let start = clock.now
    var outcomes = [Outcome?](repeating: nil, count: count)
    await withTaskGroup(of: (Int, Outcome).self) { group in
      var next = 0
      while next < min(count, concurrency) {
        let index = next
        group.addTask { (index, await body(index)) }
        next += 1
      }
      for await (index, outcome) in group {
        outcomes[index] = outcome
        if next < count {
          let index = next
          group.addTask { (index, await body(index)) }
          next += 1
        }
      }
    }
    return Batch(seconds: seconds(clock.now - start), outcomes: outcomes.compactMap { $0 })
  }
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

// MARK: - The server process

/// A running `orator serve` on a free loopback port, its output in a log in the data folder,
/// and a sampler that follows its memory and that of its child processes.
final class BenchServer {
  let process: Process
  let baseURL: String
  let launched: ContinuousClock.Instant
  /// Seconds from launch until it listened.
  let startup: Double
  private let sampler: Task<MemoryPeaks, Never>

  private init(
    process: Process, baseURL: String, launched: ContinuousClock.Instant, startup: Double
  ) {
    self.process = process
    self.baseURL = baseURL
    self.launched = launched
    self.startup = startup
    sampler = startMemorySampler(pid: process.processIdentifier, every: .milliseconds(50))
  }

  static func start(
    _ orator: URL, data: URL, key: String, workers: Int, maxActive: Int, log name: String
  ) async throws -> BenchServer {
    let logURL = data.appendingPathComponent("\(name).log")
    _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
    let log = try FileHandle(forWritingTo: logURL)
    let process = Process()
    process.executableURL = orator
    process.currentDirectoryURL = data
    process.arguments = [
      "serve", "--data-dir", data.path, "--host", "127.0.0.1", "--port", "0", "--api-key", key,
      "--workers", String(workers), "--max-active-renders", String(maxActive),
    ]
    process.standardOutput = log
    process.standardError = log
    let clock = ContinuousClock()
    let launched = clock.now
    try process.run()
    try? log.close()
    // `orator serve` prints one line when it listens: "Orator listening on … (port N)".
    while clock.now - launched < .seconds(120) {
      let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
      if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Orator listening") }),
        let open = line.range(of: "(port "),
        let port = Int(line[open.upperBound...].prefix(while: \.isNumber))
      {
        return BenchServer(
          process: process, baseURL: "http://127.0.0.1:\(port)", launched: launched,
          startup: seconds(clock.now - launched))
      }
      guard process.isRunning else {
        throw BenchError(
          "orator serve exited (\(process.terminationStatus)):\n\(text.suffix(2000))")
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    process.terminate()
    throw BenchError("orator serve did not listen within 120 s")
  }

  /// Stops the sampler (after one last sample), then the server; returns the memory peaks.
  func stop() async -> MemoryPeaks {
    sampler.cancel()
    let peaks = await sampler.value
    if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    let clock = ContinuousClock()
    let start = clock.now
    while process.isRunning, clock.now - start < .seconds(30) {
      try? await Task.sleep(for: .milliseconds(20))
    }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return peaks
  }
}

// MARK: - Memory

/// Peak resident memory (KiB) seen in /proc: the server's own high-water mark, the largest
/// render process (`orator render-job`) and encoder (ffmpeg), and the largest sum of resident
/// memory over the server and all its descendants at one moment.
struct MemoryPeaks: Sendable {
  var server = 0.0
  var render = 0.0
  var encoder = 0.0
  var tree = 0.0
  var renderProcesses = Set<Int32>()

  mutating func sample(_ pid: Int32) {
    guard let hwm = procStatus(pid, "VmHWM:"), let rss = procStatus(pid, "VmRSS:") else { return }
    server = max(server, hwm)
    var total = rss
    // The server's children are render processes; theirs are encoders (a child caught between
    // fork and exec still shows its parent's command line, so the depth decides, not argv).
    var pending = procChildren(pid).map { (pid: $0, depth: 1) }
    var seen = Set<Int32>()
    while let (child, depth) = pending.popLast() {
      guard seen.insert(child).inserted else { continue }
      pending += procChildren(child).map { (pid: $0, depth: depth + 1) }
      guard let hwm = procStatus(child, "VmHWM:"), let rss = procStatus(child, "VmRSS:") else {
        continue
      }
      total += rss
      let argv = (procText("/proc/\(child)/cmdline") ?? "").split(separator: "\0")
      if depth == 1, argv.count > 1, argv[1] == "render-job" {
        render = max(render, hwm)
        renderProcesses.insert(child)
      } else if depth > 1, argv.first?.hasSuffix("ffmpeg") == true {
        encoder = max(encoder, hwm)
      }
    }
    tree = max(tree, total)
  }
}

func startMemorySampler(pid: Int32, every interval: Duration) -> Task<MemoryPeaks, Never> {
  Task.detached {
    var peaks = MemoryPeaks()
    while true {
      peaks.sample(pid)
      if Task.isCancelled { return peaks }
      try? await Task.sleep(for: interval)
    }
  }
}

/// A field of /proc/<pid>/status in KiB ("VmHWM:", "VmRSS:").
func procStatus(_ pid: Int32, _ field: String) -> Double? {
  guard let text = procText("/proc/\(pid)/status") else { return nil }
  for line in text.split(separator: "\n") where line.hasPrefix(field) {
    return line.dropFirst(field.count).split(whereSeparator: \.isWhitespace).first.flatMap {
      Double($0)
    }
  }
  return nil
}

/// The children of every thread of `pid`.
func procChildren(_ pid: Int32) -> [Int32] {
  let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
  return tasks.flatMap { task in
    (procText("/proc/\(pid)/task/\(task)/children") ?? "").split(separator: " ").compactMap {
      Int32($0)
    }
  }
}

/// A /proc file (their size reads as 0, so read until the end).
func procText(_ path: String) -> String? {
  let fd = open(path, O_RDONLY)
  guard fd >= 0 else { return nil }
  defer { close(fd) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 4096)
  while true {
    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard count > 0 else { break }
    bytes += buffer[0..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}

// MARK: - Report

func report(
  _ options: SubmitBenchOptions, submit: SubmitResult, submitMemory: MemoryPeaks,
  drain: DrainResult?, drainMemory: MemoryPeaks?
) {
  func column(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
  func row(_ label: String, _ batch: Batch, _ ratio: String) {
    print(
      label.padding(toLength: 40, withPad: " ", startingAt: 0)
        + String(
          format: "%9.0f/s %8.2f s %8.1f ms %8.1f ms  ", batch.rate, batch.seconds,
          batch.latency(0.5) * 1000, batch.latency(0.99) * 1000) + ratio)
  }
  let reference = submit.healthz.rate
  print("")
  print(
    "phase 1: --workers 0".padding(toLength: 40, withPad: " ", startingAt: 0)
      + column("rate", 11) + column("time", 11) + column("p50", 12) + column("p99", 12)
      + "  ÷ healthz")
  row(
    "GET /healthz, new connections", submit.connect,
    String(format: "%.2f", submit.connect.rate / reference))
  row("GET /healthz (reference, median of 3)", submit.healthz, "1.00")
  row(
    "POST /v2/video/generate", submit.submits,
    String(format: "%.2f", submit.submits.rate / reference))
  print(
    "  \(submit.submits.ok) of \(options.videos) submits answered 200; video.list: "
      + "\(submit.listed) listed in \(submit.pages) pages, \(submit.listedDistinct) distinct, "
      + "\(submit.missing) missing, \(submit.unexpected) unexpected"
      + (submit.listOK ? " (ok)" : " (MISMATCH: drain skipped)"))
  if submit.healthz.ok != options.videos || submit.connect.ok != submit.connect.outcomes.count {
    print("  healthz failures: \(submit.connect.failures); \(submit.healthz.failures)")
  }
  if let drain {
    print("")
    print("phase 2: restart with --workers \(options.workers), same data folder")
    print(
      String(
        format:
          "  %d completed, %d failed in %.1f s from launch (listening after %.2f s) → %.2f videos/s",
        drain.completed, drain.failed, drain.seconds, drain.startup,
        Double(drain.completed + drain.failed) / drain.seconds))
    print(
      String(
        format: "  drain time ÷ sum of video durations (%.1f s) = %.3f; per video %.3f s",
        drain.videoSeconds, drain.seconds / max(drain.videoSeconds, 0.001),
        drain.seconds / Double(max(1, drain.completed + drain.failed))))
    if let failure = drain.firstFailure { print("  first failure: \(failure)") }
  }
  print("")
  print("peak resident memory (sampled every 50 ms from /proc)")
  print(
    String(format: "  server, submit phase:        %7.1f MiB (VmHWM)", submitMemory.server / 1024))
  if let drainMemory {
    print(
      String(format: "  server, drain phase:         %7.1f MiB (VmHWM)", drainMemory.server / 1024))
    print(
      String(
        format: "  largest render-job process:  %7.1f MiB (VmHWM; %d render processes sampled)",
        drainMemory.render / 1024, drainMemory.renderProcesses.count))
    print(
      String(format: "  largest ffmpeg:              %7.1f MiB (VmHWM)", drainMemory.encoder / 1024)
    )
    print(
      String(
        format: "  server + children, drain:    %7.1f MiB (sum of VmRSS)", drainMemory.tree / 1024))
  }
  print(
    String(
      format: "  largest finished process:    %7.1f MiB (getrusage, any server or descendant)",
      peakMemoryMiB(RUSAGE_CHILDREN)))
}
