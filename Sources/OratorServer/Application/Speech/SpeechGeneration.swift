import Foundation
import OratorCore
import OratorRender

/// Text to speech as a file (`POST /v3/voices/speech`): a script spoken in one of the
/// installed voices and kept as an MP3 asset of the account, so that a video can then use it
/// by `audio_asset_id`, with the time of each word.
struct SpeechGeneration {
  let environment: ServerEnvironment
  let account: ResourceID

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

    let track = try await SpeechGenerationGate.shared.run {
      try await synthesize(text, voice: voice, speed: speed)
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
    let base = (scratch as NSString).appendingPathComponent("speech-\(UUID().uuidString)")
    let (wav, mp3) = (base + ".wav", base + ".mp3")
    defer {
      try? FileManager.default.removeItem(atPath: wav)
      try? FileManager.default.removeItem(atPath: mp3)
    }
    do {
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
      try WAVFile.write(track, to: wav)
      try await FFmpeg.run([
        "-i", wav, "-codec:a", "libmp3lame", "-b:a", "128k", "-ac", "1", "-f", "mp3", mp3,
      ])
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: mp3)))
    } catch {
      throw ApplicationError.failed("the speech could not be encoded")
    }
  }
}

/// How many scripts the server speaks at once for `POST /v3/voices/speech`, and how many may
/// wait: speech takes a core, and renders need theirs. Past that the request is answered
/// 503 with a time to retry, rather than piling up work.
actor SpeechGenerationGate {
  static let shared = SpeechGenerationGate(running: 2, waiting: 8)

  private let limit: Int
  private let queueLimit: Int
  private var running = 0
  private var queue: [CheckedContinuation<Void, Never>] = []

  init(running: Int, waiting: Int) {
    limit = running
    queueLimit = waiting
  }

  func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
    if running >= limit {
      guard queue.count < queueLimit else {
        throw ApplicationError.unavailable(
          "the voices are busy speaking other scripts; retry shortly")
      }
      await withCheckedContinuation { queue.append($0) }
    } else {
      running += 1
    }
    defer { handOn() }
    return try await work()
  }

  /// Gives the finished one's place to the next waiting, or frees it.
  private func handOn() {
    if queue.isEmpty {
      running -= 1
    } else {
      queue.removeFirst().resume()
    }
  }
}
