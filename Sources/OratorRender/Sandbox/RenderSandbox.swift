import Foundation
import HeyGenAPI
import OratorCore
import Subprocess

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a render process gave no video.
public enum RenderSandboxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The render ran and refused or failed in an orderly way.
  case render(RenderError)
  /// A speech job ran and the engine refused or failed in an orderly way.
  case speech(SpeechError)
  /// The render process died from a signal (a crash in a C library, or memory exhausted).
  case crashed(signal: Int32)
  /// It crashed on two tries in a row: the input itself brings it down.
  case crashedTwice(signal: Int32)
  /// It used up its CPU time.
  case outOfCPUTime(seconds: Int)
  /// It ran past its wall-time limit and was killed with everything it started.
  case timedOut(Duration)
  /// It could not be started, or ended without saying how it went.
  case broken(String)

  public var description: String {
    switch self {
    case .render(let error): error.description
    case .speech(let error): error.description
    case .crashed(let signal): "the render process crashed (signal \(signal))"
    case .crashedTwice(let signal):
      "the render process crashed twice (signal \(signal)); this input cannot be rendered"
    case .outOfCPUTime(let seconds): "the render used more than \(seconds) s of CPU time"
    case .timedOut(let limit): "the render took longer than \(limit.components.seconds) s"
    case .broken(let reason): reason
    }
  }
}

/// Runs each render in a process of its own (`orator render-job`, the same binary), in a
/// session of its own, under memory, CPU and file-size limits and a wall-time limit. A crash
/// or a runaway in espeak-ng, Cairo or ffmpeg ends that process, never the caller; cancelling
/// the caller's task kills the render and every process it started.
public struct RenderSandbox: Sendable {
  /// The `orator` binary; by default the running one.
  public var executable: String
  public var limits: RenderLimits

  public init(executable: String? = nil, limits: RenderLimits = RenderLimits()) {
    self.executable = executable ?? Self.currentExecutable
    self.limits = limits
  }

  /// The path of the running binary.
  public static var currentExecutable: String {
    #if os(Linux)
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        return path
      }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
  }

  /// Renders `job`, its job and outcome files kept in `scratch`.
  public func render(_ job: RenderJob, scratch: String) async throws(RenderSandboxError)
    -> RenderedVideo
  {
    switch try await run(job, mode: "render", as: RenderJobOutcome.self, scratch: scratch) {
    case .rendered(let video): return video
    case .refused(let error): throw .render(error)
    }
  }

  /// Speaks `job` in a render process; its files are kept in `scratch` while it runs.
  public func speak(_ job: SpeechJob, scratch: String) async throws(RenderSandboxError)
    -> SpeechTrack
  {
    switch try await run(job, mode: "speech", as: SpeechJobOutcome.self, scratch: scratch) {
    case .spoken(let track): return track
    case .refused(let error): throw .speech(error)
    }
  }

  /// Writes `job` to a file, runs `orator render-job` on it and reads the outcome it wrote.
  private func run<Job: Encodable, Outcome: Decodable>(
    _ job: Job, mode: String, as outcome: Outcome.Type, scratch: String
  ) async throws(RenderSandboxError) -> Outcome {
    let name = "\(mode)-\(UUID().uuidString)"
    let jobPath = (scratch as NSString).appendingPathComponent(name + "-job.json")
    let outcomePath = (scratch as NSString).appendingPathComponent(name + "-outcome.json")
    defer {
      try? FileManager.default.removeItem(atPath: jobPath)
      try? FileManager.default.removeItem(atPath: outcomePath)
    }
    do {
      try FileManager.default.createDirectory(
        atPath: scratch, withIntermediateDirectories: true)
      try JSONEncoder().encode(job).write(to: URL(fileURLWithPath: jobPath))
    } catch {
      throw .broken("cannot write the render job: \(error.localizedDescription)")
    }
    let status = try await run(arguments: [
      "render-job", "--mode", mode, "--job", jobPath, "--outcome", outcomePath,
      "--memory-bytes", String(limits.memoryBytes), "--cpu-seconds", String(limits.cpuSeconds),
      "--file-bytes", String(limits.fileBytes),
    ])
    switch status {
    case .exited(0):
      break
    case .exited(let code):
      throw .broken("the render process exited with status \(code)")
    case .signaled(let signal):
      if signal == SIGXCPU { throw .outOfCPUTime(seconds: limits.cpuSeconds) }
      throw .crashed(signal: signal)
    }
    guard let data = FileManager.default.contents(atPath: outcomePath),
      let decoded = try? JSONDecoder().decode(Outcome.self, from: data)
    else {
      throw .broken("the render process ended without a result")
    }
    return decoded
  }

  /// Renders `request` to `outputPath`: its media fetched and its neural speech made here with
  /// `fetching`'s resolver and engines (under the caller's rules), the render itself in a render
  /// process; both write how far they are to the scratch folder's `RenderProgressFile`. With
  /// `retryingACrash`, a crash gets one more try (`renderGivingACrashOneRetry`).
  public func render(
    _ request: VideoGenerateRequest, fetchingWith fetching: VideoRenderer, to outputPath: String,
    budget: RenderBudget, scratch: String, retryingACrash: Bool
  ) async throws(RenderSandboxError) -> RenderedVideo {
    let progressPath = RenderProgressFile.path(inScratch: scratch)
    // Piper speaks in the render process, through this process's sidecar, so that frames are
    // drawn while it speaks; a speech server's speech takes seconds before the render process
    // starts: its progress goes to the same file, which the render process then carries on from.
    let piper = await Self.piperEndpoint(for: request, speech: fetching.speech)
    let media: PreparedMedia
    do {
      media = try await fetching.prepareMedia(
        for: request, speechFolder: scratch, leaving: piper == nil ? [] : [.piper],
        progress: RenderProgressFile.writer(to: progressPath))
    } catch {
      throw .render(error)
    }
    var job = RenderJob(
      request: request, outputPath: outputPath, media: media, budget: budget,
      progressPath: progressPath, extraAvatars: AvatarCatalogue.notBuiltIn(fetching.avatars),
      piper: piper)
    do {
      return retryingACrash
        ? try await renderGivingACrashOneRetry(job, scratch: scratch)
        : try await render(job, scratch: scratch)
    } catch .render(.failed(let message)) where piper != nil {
      // A sidecar that died under the render (killed, out of memory) is started again by the
      // next `baseURL()`, on another port: then the render gets one more try at once.
      guard let restarted = await Self.piperEndpoint(for: request, speech: fetching.speech),
        restarted.url != piper?.url
      else { throw .render(.failed(message)) }
      job.piper = restarted
      return retryingACrash
        ? try await renderGivingACrashOneRetry(job, scratch: scratch)
        : try await render(job, scratch: scratch)
    }
  }

  /// The Piper sidecar among `speech`'s engines, started, when `request` speaks with one of its
  /// voices; nil when it does not, or the sidecar cannot start (the speech is then prepared
  /// here, which reports why).
  static func piperEndpoint(for request: VideoGenerateRequest, speech: any SpeechSynthesizer)
    async -> PiperEndpoint?
  {
    let piper =
      speech as? PiperSynthesizer
      ?? (speech as? SpeechEngines)?.engines.lazy.compactMap { $0 as? PiperSynthesizer }.first
    guard let piper else { return nil }
    let voices = Set(piper.voices.map(\.id))
    let spoken = request.videoInputs.contains {
      if case .text(let text) = $0.voice { voices.contains(text.voiceId) } else { false }
    }
    guard spoken, let url = try? await piper.sidecar.baseURL() else { return nil }
    return PiperEndpoint(
      url: url, voices: piper.voices, parallelRequests: piper.parallelRequests)
  }

  /// Renders `job`, giving a crash one more try at once: a crash can be bad luck (memory
  /// taken by something else), but a second is the input's doing, and retrying it later would
  /// only crash again, so it ends as `.crashedTwice`.
  public func renderGivingACrashOneRetry(_ job: RenderJob, scratch: String)
    async throws(RenderSandboxError) -> RenderedVideo
  {
    do {
      return try await render(job, scratch: scratch)
    } catch .crashed {
      if Task.isCancelled { throw .broken("cancelled") }
      do {
        return try await render(job, scratch: scratch)
      } catch .crashed(let signal) {
        throw .crashedTwice(signal: signal)
      }
    }
  }

  private func run(arguments: [String]) async throws(RenderSandboxError) -> TerminationStatus {
    var options = PlatformOptions()
    // Its own session and process group, so one signal reaches ffmpeg too.
    options.createSession = true
    options.teardownSequence = [
      .send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .seconds(1))
    ]
    let executable = self.executable
    let wallTime = limits.wallTime
    let options2 = options
    do {
      return try await withThrowingTaskGroup(of: TerminationStatus?.self) { group in
        group.addTask {
          try await Subprocess.run(
            .path(.init(executable)), arguments: Arguments(arguments),
            // A crash ends the process at once: the runtime's backtracer would keep a dying
            // render alive for seconds while it symbolises, and fill the log with registers.
            environment: .inherit.updating(["SWIFT_BACKTRACE": "enable=no"]),
            platformOptions: options2, output: .discarded,
            error: .fileDescriptor(.standardError, closeAfterSpawningProcess: false)
          ).terminationStatus
        }
        group.addTask {
          try await Task.sleep(for: wallTime)
          return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let status = first else {
          throw RenderSandboxError.timedOut(wallTime)
        }
        return status
      }
    } catch let error as RenderSandboxError {
      throw error
    } catch is CancellationError {
      throw .broken("cancelled")
    } catch {
      throw .broken("cannot start the render process: \(error)")
    }
  }
}
