/// What one render process may use. The memory and CPU limits are the kernel's (`setrlimit`,
/// inherited by the ffmpeg it starts); the wall time is enforced by the process that waits.
public struct RenderLimits: Sendable, Equatable, Codable {
  /// Address space of the render process and of each encoder it starts.
  public var memoryBytes: Int
  /// CPU seconds of the render process itself.
  public var cpuSeconds: Int
  /// Largest file it may write.
  public var fileBytes: Int
  /// Time from start to finish, after which the render and everything it started is killed.
  public var wallTime: Duration

  public init(
    memoryBytes: Int = 6 << 30, cpuSeconds: Int = 4 * 3600, fileBytes: Int = 8 << 30,
    wallTime: Duration = .seconds(2 * 3600)
  ) {
    self.memoryBytes = memoryBytes
    self.cpuSeconds = cpuSeconds
    self.fileBytes = fileBytes
    self.wallTime = wallTime
  }
}
