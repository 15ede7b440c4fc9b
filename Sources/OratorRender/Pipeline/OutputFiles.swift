import Foundation

/// The names a render's files get beside the video (`out.mp4` → `out.jpg`, `out.gif`,
/// `out.srt`, `out.vtt`, `out.ass`, `out.caption.mp4`) and the scratch folder they are made in.
struct OutputFiles {
  enum Kind: CaseIterable {
    case video, thumbnail, gif, srt, vtt, ass, captionedVideo

    var suffix: String {
      switch self {
      case .video: ".mp4"
      case .thumbnail: ".jpg"
      case .gif: ".gif"
      case .srt: ".srt"
      case .vtt: ".vtt"
      case .ass: ".ass"
      case .captionedVideo: ".caption.mp4"
      }
    }
  }

  let videoPath: String
  private let stem: String

  init(videoPath: String) {
    self.videoPath = videoPath
    let url = URL(fileURLWithPath: videoPath)
    stem = url.pathExtension.lowercased() == "mp4" ? url.deletingPathExtension().path : url.path
  }

  func path(_ kind: Kind) -> String {
    kind == .video ? videoPath : stem + kind.suffix
  }

  /// A hidden folder in the output's directory, so finished files move in with a rename.
  func makeScratchDirectory() throws -> String {
    let directory = URL(fileURLWithPath: videoPath).deletingLastPathComponent()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let scratch = directory.appendingPathComponent(".orator-render-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
    return scratch
  }

  func scratchPath(_ kind: Kind, in scratch: String) -> String {
    (scratch as NSString).appendingPathComponent("output" + kind.suffix)
  }

  func write(_ text: String, _ kind: Kind, in scratch: String) throws {
    try text.write(toFile: scratchPath(kind, in: scratch), atomically: false, encoding: .utf8)
  }

  func moveIntoPlace(_ kinds: [Kind], from scratch: String) throws {
    let manager = FileManager.default
    for kind in kinds {
      let destination = path(kind)
      if manager.fileExists(atPath: destination) { try manager.removeItem(atPath: destination) }
      try manager.moveItem(atPath: scratchPath(kind, in: scratch), toPath: destination)
    }
  }
}
