/// How far a download is.
public struct DownloadProgress: Sendable, Equatable {
  /// Bytes in the file so far, those of an earlier attempt included.
  public var bytesWritten: Int64
  /// The whole file's size, when the server said.
  public var totalBytes: Int64?
  /// Bytes kept from an earlier, interrupted attempt (0 for a fresh download).
  public var resumedFrom: Int64

  /// From 0 to 1; nil while the size is unknown.
  public var fraction: Double? {
    guard let totalBytes, totalBytes > 0 else { return nil }
    return Double(bytesWritten) / Double(totalBytes)
  }
}
