import ArgumentParser
import OratorRender

/// `orator render-job`: one render in a process of its own, started by `orator serve` and
/// `orator worker` for every video, so that whatever goes wrong in a render ends this process
/// and never the service. Not meant to be run by hand.
struct RenderJobCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render-job",
    abstract: "Render one prepared job in a limited process (used by serve and worker).",
    shouldDisplay: false
  )

  /// What the job file holds.
  enum Mode: String, ExpressibleByArgument {
    case render, speech
  }

  @Option(help: "render (a video) or speech (one piece of speech).")
  var mode: Mode = .render

  @Option(help: "The job file (JSON) written by the serving process.")
  var job: String

  @Option(help: "Where to write the outcome (JSON).")
  var outcome: String

  @Option(help: "Address-space limit in bytes.")
  var memoryBytes: Int

  @Option(help: "CPU-time limit in seconds.")
  var cpuSeconds: Int

  @Option(help: "Largest file the render may write, in bytes.")
  var fileBytes: Int

  func run() async throws {
    RenderProcess.limit(memoryBytes: memoryBytes, cpuSeconds: cpuSeconds, fileBytes: fileBytes)
    RenderProcess.watchParent()
    switch mode {
    case .render: try await RenderProcess.run(jobPath: job, outcomePath: outcome)
    case .speech: try await RenderProcess.speak(jobPath: job, outcomePath: outcome)
    }
  }
}
