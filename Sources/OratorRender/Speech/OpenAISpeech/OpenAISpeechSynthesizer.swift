import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Speech from any OpenAI-compatible `/v1/audio/speech` server (Kokoro-FastAPI, speaches,
/// openedai-speech, a cloud service). Such servers send audio only: mouth cues come from the
/// audio itself, and word timings from `aligner` (forced alignment through a speech
/// recognizer) when there is one, else in proportion to the words' lengths. `pitch` is
/// ignored; `speed` is the protocol's own.
public struct OpenAISpeechSynthesizer: SpeechSynthesizer {
  public let voices: [VoiceDescriptor]
  public let baseURL: URL
  public let model: String
  public let apiKey: String?
  public var aligner: (any SpeechAligner)?
  public var timeout: TimeAmount = .seconds(600)

  public init(
    baseURL: URL, model: String = "tts-1", apiKey: String? = nil, voices: [VoiceDescriptor],
    aligner: (any SpeechAligner)? = nil
  ) {
    self.baseURL = baseURL
    self.model = model
    self.apiKey = apiKey
    self.voices = voices
    self.aligner = aligner
  }

  /// The voices of `--speech-voices`: `name:locale:gender` entries separated by commas
  /// (`af_bella:en-US:female,bm_george:en-GB:male`); the gender may be left out.
  public static func voices(parsing list: String) throws(SpeechError) -> [VoiceDescriptor] {
    var voices: [VoiceDescriptor] = []
    for entry in list.split(separator: ",") {
      let fields = entry.split(separator: ":", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count >= 2, fields.count <= 3, !fields[0].isEmpty, !fields[1].isEmpty else {
        throw .engineFailure(
          "speech voice \"\(entry)\" is not name:locale[:gender], e.g. af_bella:en-US:female")
      }
      let gender = fields.count == 3 ? fields[2].lowercased() : "unknown"
      guard ["female", "male", "unknown", ""].contains(gender) else {
        throw .engineFailure("speech voice \"\(entry)\": the gender must be female or male")
      }
      let locale = VoiceLocale.locale(fromTag: fields[1].replacingOccurrences(of: "_", with: "-"))
      let code = locale.split(separator: "-").first.map(String.init) ?? locale
      let name = fields[0]
      let slug = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
      voices.append(
        VoiceDescriptor(
          id: locale.lowercased() + "-" + slug,
          name: name.prefix(1).uppercased() + name.dropFirst(),
          language: Locale(identifier: "en").localizedString(forLanguageCode: code) ?? code,
          locale: locale, gender: gender.isEmpty ? "unknown" : gender, engineVoice: name,
          engine: .openAI))
    }
    return voices
  }

  public func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack
  {
    guard voice.engine == .openAI, voices.contains(where: { $0.id == voice.id }) else {
      throw .unknownVoice(voice.id)
    }
    let script = SpeechScript(parsing: text)
    guard !script.isSilent else { throw .emptyText }
    let speed = speed.isFinite && speed > 0 ? min(max(speed, 0.25), 4) : 1
    let language = voice.locale.split(separator: "-").first.map(String.init) ?? "en"

    var track = SpeechTrack(samples: [], sampleRate: Self.sampleRate, words: [], phones: [])
    for part in script.parts {
      switch part {
      case .pause(let seconds):
        track = track.appending(.silence(duration: seconds, sampleRate: Self.sampleRate))
      case .text(let text):
        var spoken = try await speak(text, voice: voice.engineVoice, speed: speed)
        spoken.words =
          await aligner?.words(of: text, in: spoken, language: language)
          ?? ProportionalWordTiming.words(of: text, in: spoken)
        track = track.appending(spoken)
      }
    }
    return track
  }

  /// Every answer is decoded to this rate, whatever the server sends.
  static let sampleRate = 22050

  /// One request: the audio of `text` as a track without timings.
  private func speak(_ text: String, voice: String, speed: Double) async throws(SpeechError)
    -> SpeechTrack
  {
    var request = HTTPClientRequest(
      url: baseURL.appendingPathComponent("v1/audio/speech").absoluteString)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
    let body: Data
    do {
      body = try JSONEncoder().encode(
        Request(model: model, input: text, voice: voice, responseFormat: "wav", speed: speed))
    } catch {
      throw .engineFailure("speech server: \(error)")
    }
    request.body = .bytes(ByteBuffer(bytes: body))
    let status: HTTPResponseStatus
    let bytes: ByteBuffer
    do {
      let response = try await HTTPClient.shared.execute(request, timeout: timeout)
      status = response.status
      bytes = try await response.body.collect(upTo: 512 << 20)
    } catch {
      throw .engineFailure("speech server \(baseURL.absoluteString) is unreachable: \(error)")
    }
    guard status == .ok else {
      let message = String(buffer: bytes).prefix(300)
      throw .engineFailure("speech server answered \(status.code): \(message)")
    }
    // Servers differ in what they send for "wav" (some stream MP3 or a WAV with an unknown
    // length), so ffmpeg decodes whatever came.
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-speech-\(UUID().uuidString).audio").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    guard FileManager.default.createFile(atPath: file, contents: Data(bytes.readableBytesView))
    else { throw .unwritableAudio(path: file, reason: "cannot write the server's audio") }
    return try await AudioDecoder.decode(fileAt: file, sampleRate: Self.sampleRate)
  }

  struct Request: Encodable {
    var model: String
    var input: String
    var voice: String
    var responseFormat: String
    var speed: Double
    enum CodingKeys: String, CodingKey {
      case model, input, voice, speed
      case responseFormat = "response_format"
    }
  }
}
