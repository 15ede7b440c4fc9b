import Foundation
import OratorCore

/// The translated sound alone, `audio.m4a` beside a translation's `video.mp4` in its attempt
/// folder: v3's `audio_url` of a translation.
enum TranslationAudio {
  static let fileName = "audio.m4a"

  static func path(besideVideo videoPath: String) -> String {
    ((videoPath as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent(fileName)
  }

  /// The media-relative path of the audio of a translation whose video is `videoFile`, when
  /// it was made (translations finished before it existed have none).
  static func file(besideVideo videoFile: String, media: any MediaStore) -> String? {
    let relative = ((videoFile as NSString).deletingLastPathComponent as NSString)
      .appendingPathComponent(fileName)
    return FileManager.default.fileExists(atPath: media.absolutePath(relative)) ? relative : nil
  }
}
