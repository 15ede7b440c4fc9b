import ArgumentParser
import Foundation

/// The port `serve` listens on, from `--port` or `ORATOR_PORT`: a value that is not a port
/// stops the start with a message naming where it came from, rather than being wrapped into
/// range by the socket layer (70000 would bind 4464) or ignored (`abc` would fall back to
/// 8080).
enum ListenPort {
  static let range = 0...65535

  static func parse(flag: Int?, environment: String?) throws(ValidationError) -> Int? {
    if let flag {
      guard range.contains(flag) else {
        throw ValidationError("--port \(flag): a port is a number from 0 to 65535")
      }
      return flag
    }
    guard let text = environment else { return nil }
    guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
      throw ValidationError("ORATOR_PORT=\(text): a port is a number from 0 to 65535")
    }
    return value
  }
}
