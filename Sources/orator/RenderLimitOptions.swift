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

  /// Sets the limits given; refuses values out of range.
  func apply(
    to maxVideoSeconds: inout Double, _ limits: inout RenderLimits, _ settings: Settings
  ) async throws {
    if let minutes = try await settings.double(
      maxVideoMinutes, "max-video-minutes", must: "above 0 and at most 1440",
      where: { $0 > 0 && $0 <= 24 * 60 })
    {
      maxVideoSeconds = minutes * 60
    }
    if let minutes = try await settings.double(
      maxRenderMinutes, "max-render-minutes", must: "above 0 and at most 2880",
      where: { $0 > 0 && $0 <= 48 * 60 })
    {
      limits.wallTime = .milliseconds(Int64(minutes * 60_000))
      // CPU time follows the wall time: two busy threads for the whole of it at most.
      limits.cpuSeconds = max(10, Int(minutes * 60 * 2))
    }
    if let megabytes = try await settings.int(
      renderMemoryMb, "render-memory-mb", must: "between 256 and 1048576",
      where: { (256...(1 << 20)).contains($0) })
    {
      limits.memoryBytes = megabytes << 20
    }
  }
}
