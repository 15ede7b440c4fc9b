import Foundation
import Logging
import Synchronization

/// One JSON object per line on standard error, for log shippers (Loki, Elasticsearch,
/// CloudWatch): `time` (ISO 8601, UTC, milliseconds), `level`, `logger`, `message`, then the
/// line's metadata as top-level string fields (`request_id`, `status`, `video`…).
struct JSONLogHandler: LogHandler {
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .info
  private let label: String
  private let output: @Sendable (String) -> Void

  init(label: String, output: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
    self.label = label
    self.output = output
  }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var fields: [String: String] = [:]
    for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
      fields[key] = Self.flatten(value)
    }
    fields["time"] = Self.timestamp(Date())
    fields["level"] = event.level.rawValue
    fields["logger"] = label
    fields["message"] = event.message.description
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(fields) else { return }
    output(String(decoding: data, as: UTF8.self))
  }

  /// Nested metadata becomes its description: log shippers index flat string fields best.
  private static func flatten(_ value: Logger.Metadata.Value) -> String {
    switch value {
    case .string(let text): text
    case .stringConvertible(let convertible): convertible.description
    case .array, .dictionary: value.description
    }
  }

  private static func timestamp(_ date: Date) -> String {
    date.formatted(
      .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
        .timeSeparator(.colon).timeZone(separator: .omitted))
  }

  /// Whole lines, one write each, so lines from concurrent tasks never interleave.
  @Sendable static func standardError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    lock.withLock { _ in
      bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
          if written <= 0 { return }
          offset += written
        }
      }
    }
  }

  private static let lock = Mutex(())
}
