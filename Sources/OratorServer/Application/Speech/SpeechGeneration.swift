import Foundation
import OratorCore
import OratorRender

/// Text to speech as a file (`POST /v3/voices/speech`): a script spoken in one of the
/// installed voices and kept as an MP3 asset of the account, so that a video can then use it
/// by `audio_asset_id`, with the time of each word.
struct SpeechGeneration {
  let environment: ServerEnvironment
  let account: ResourceID

  /// Scripts spoken at once, and how many may wait: speech takes a core, and renders need
  /// theirs. Past that the request is answered 503 with a time to retry.
  static let slots = WorkSlots(limit: 2, queueLimit: 8)

  /// HeyGen's limits.
  static let longestText = 5000
  static let speeds = 0.5...2.0

  /// What was spoken: the stored file, its length and its words.
  struct Spoken {
    var asset: AssetService.StoredAsset
    var url: String
    var duration: Double
    var words: [TimedWord]
  }

  /// Speaks `text` in the voice `voiceID` at `speed`; refusals name the request's field.
  func speak(text: String?, voiceID: String?, speed: Double?, inputType: String?) async throws
    -> Spoken
  {
    guard let text, text.contains(where: { !$0.isWhitespace }) else {
      throw ApplicationError.invalid(
        InvalidField(path: "text", message: "is required", isMissing: true))
    }
    guard text.count <= Self.longestText else {
      throw ApplicationError.invalid(
        InvalidField(
          path: "text",
          message:
            "is \(text.count) characters long; at most \(Self.longestText) are spoken at once"
        ))
    }
    guard let voiceID, !voiceID.isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(path: "voice_id", message: "is required", isMissing: true))
    }
    guard let voice = environment.speech.voice(withID: voiceID) else {
      throw ApplicationError.invalid(
        InvalidField(
          path: "voice_id", message: "unknown voice \"\(voiceID)\"; GET /v3/voices lists them"))
    }
    let speed = speed ?? 1
    guard Self.speeds.contains(speed) else {
      throw ApplicationError.invalid(
        InvalidField(path: "speed", message: "must be between 0.5 and 2, got \(speed)"))
    }
    if let inputType, inputType != "text", inputType != "ssml" {
      throw ApplicationError.invalid(
        InvalidField(path: "input_type", message: "must be text or ssml, got \"\(inputType)\""))
    }

    let track: SpeechTrack
    do {
      track = try await Self.slots.run { try await synthesize(text, voice: voice, speed: speed) }
    } catch is WorkSlots.Full {
      throw ApplicationError.unavailable(
        "the voices are busy speaking other scripts; retry shortly")
    }
    let mp3 = try await Self.mp3(of: track, scratch: environment.configuration.scratchDirectory)
    let assets = AssetService(environment: environment, account: account)
    let asset = try await assets.upload(mp3, mime: "audio/mpeg", field: "text", bytesField: "text")
    return Spoken(
      asset: asset, url: assets.link(asset), duration: track.duration, words: track.words)
  }

  private func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double) async throws
    -> SpeechTrack
  {
    do {
      return try await environment.speech.synthesize(text, voice: voice, speed: speed, pitch: 0)
    } catch .emptyText {
      throw ApplicationError.invalid(
        InvalidField(path: "text", message: "has nothing to say, only pauses"))
    } catch .unknownVoice(let id) {
      throw ApplicationError.invalid(
        InvalidField(path: "voice_id", message: "unknown voice \"\(id)\""))
    } catch {
      throw ApplicationError.failed("the voice could not speak: \(error)")
    }
  }

  /// The track as an MP3 (128 kb/s, its own sample rate, mono).
  private static func mp3(of track: SpeechTrack, scratch: String) async throws -> [UInt8] {
    let mp3 = (scratch as NSString).appendingPathComponent("speech-\(UUID().uuidString).mp3")
    defer { try? FileManager.default.removeItem(atPath: mp3) }
    do {
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
      try await SpeechMP3.write(track, to: mp3, bitrate: "128k")
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: mp3)))
    } catch {
      throw ApplicationError.failed("the speech could not be encoded")
    }
  }
}
