import Foundation
import OratorCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The render process's side of `RenderSandbox`: limits itself, watches its parent, renders
/// the job and writes the outcome file. Whatever the render does, the worst it can do is end
/// this process.
public enum RenderProcess {
  /// Applies `limits` (memory, CPU time, file size) to this process and its children.
  public static func limit(memoryBytes: Int, cpuSeconds: Int, fileBytes: Int) {
    setLimit(RLIMIT_AS, soft: memoryBytes, hard: memoryBytes)
    // SIGXCPU at the soft limit tells the parent why; the hard limit kills if it is ignored.
    setLimit(RLIMIT_CPU, soft: cpuSeconds, hard: cpuSeconds + 5)
    setLimit(RLIMIT_FSIZE, soft: fileBytes, hard: fileBytes)
    // A crash must not fill the disk with core files.
    setLimit(RLIMIT_CORE, soft: 0, hard: 0)
  }

  /// Kills this process's group (the render and its encoders) once the parent is gone, so a
  /// render never outlives the server or worker that started it.
  public static func watchParent() {
    let parent = getppid()
    Thread.detachNewThread {
      while true {
        Thread.sleep(forTimeInterval: 1)
        if getppid() != parent { kill(0, SIGKILL) }
      }
    }
  }

  /// Reads the job, renders it and writes the outcome. Returns normally whether the render
  /// succeeded or refused; only a failure to read the job or write the outcome throws.
  public static func run(jobPath: String, outcomePath: String) async throws {
    let job = try JSONDecoder().decode(
      RenderJob.self, from: Data(contentsOf: URL(fileURLWithPath: jobPath)))
    var limits = VideoInputLimits()
    limits.videoSeconds = job.budget.maxVideoSeconds
    var renderer = VideoRenderer(
      avatars: AvatarCatalogue.builtIn + (job.extraAvatars ?? []),
      speech: PreparedSpeechSynthesizer(
        prepared: job.media.speech ?? [],
        engine: job.piper.map { SpeechEngines([EspeakSynthesizer.shared, $0.synthesizer]) }
          ?? SpeechEngines([EspeakSynthesizer.shared])),
      media: job.media, validator: VideoRequestValidator(limits: limits))
    renderer.budget = job.budget
    let outcome: RenderJobOutcome
    var progress: @Sendable (RenderProgress) -> Void = { _ in }
    if let path = job.progressPath { progress = RenderProgressFile.writer(to: path) }
    do {
      outcome = .rendered(
        try await renderer.render(job.request, to: job.outputPath, progress: progress))
    } catch {
      outcome = .refused(error)
    }
    try JSONEncoder().encode(outcome).write(to: URL(fileURLWithPath: outcomePath))
  }

  /// Reads a speech job, speaks it with the built-in engine and writes the outcome.
  public static func speak(jobPath: String, outcomePath: String) async throws {
    let job = try JSONDecoder().decode(
      SpeechJob.self, from: Data(contentsOf: URL(fileURLWithPath: jobPath)))
    let outcome: SpeechJobOutcome
    do {
      outcome = .spoken(
        try await EspeakSynthesizer.shared.synthesize(
          job.text, voiceID: job.voiceID, speed: job.speed, pitch: job.pitch))
    } catch {
      outcome = .refused(error)
    }
    try JSONEncoder().encode(outcome).write(to: URL(fileURLWithPath: outcomePath))
  }

  private static func setLimit(_ resource: __rlimit_resource, soft: Int, hard: Int) {
    var limit = rlimit(rlim_cur: rlim_t(max(0, soft)), rlim_max: rlim_t(max(0, hard)))
    _ = setrlimit(__rlimit_resource_t(resource.rawValue), &limit)
  }
}
