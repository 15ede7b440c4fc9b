import ArgumentParser
import OratorRender

/// The limits on videos and render processes, shared by `orator serve` and `orator worker`.
struct RenderLimitOptions: ParsableArguments {
  @Option(
    help:
      "Longest video made, in minutes (default 30). Also ORATOR_MAX_VIDEO_MINUTES.")
  var maxVideoMinutes: Double?

  @Option(
    help:
      "Longest time one render may take, in minutes (default 120). Also ORATOR_MAX_RENDER_MINUTES."
  )
  var maxRenderMinutes: Double?

  @Option(
    help:
      "Memory one render process may use, in MiB (default 6144). Also ORATOR_RENDER_MEMORY_MB.")
  var renderMemoryMb: Int?

  /// Sets the limits given by flag or environment; refuses values out of range.
  func apply(
    to maxVideoSeconds: inout Double, _ limits: inout RenderLimits, _ env: [String: String]
  ) throws {
    if let minutes = maxVideoMinutes ?? env["ORATOR_MAX_VIDEO_MINUTES"].flatMap(Double.init) {
      guard minutes > 0, minutes <= 24 * 60 else {
        throw ValidationError("--max-video-minutes must be above 0 and at most 1440")
      }
      maxVideoSeconds = minutes * 60
    }
    if let minutes = maxRenderMinutes ?? env["ORATOR_MAX_RENDER_MINUTES"].flatMap(Double.init) {
      guard minutes > 0, minutes <= 48 * 60 else {
        throw ValidationError("--max-render-minutes must be above 0 and at most 2880")
      }
      limits.wallTime = .milliseconds(Int64(minutes * 60_000))
      // CPU time follows the wall time: two busy threads for the whole of it at most.
      limits.cpuSeconds = max(10, Int(minutes * 60 * 2))
    }
    if let megabytes = renderMemoryMb ?? env["ORATOR_RENDER_MEMORY_MB"].flatMap(Int.init) {
      guard megabytes >= 256, megabytes <= 1 << 20 else {
        throw ValidationError("--render-memory-mb must be between 256 and 1048576")
      }
      limits.memoryBytes = megabytes << 20
    }
  }
}
