import AsyncHTTPClient
import Foundation

/// Neural speech from Piper voices, spoken by a ``PiperSidecar``. Piper reports how many
/// samples each phoneme lasts, so lip sync and captions get exact timings. Piper has no pitch
/// control: `pitch` is ignored; `speed` scales the phoneme durations.
public struct PiperSynthesizer: SpeechSynthesizer {
  public let voices: [VoiceDescriptor]
  public let sidecar: PiperSidecar
  /// How long one request may take (a whole scene's script).
  public var timeout: TimeAmount = .seconds(600)

  public init(voices: [VoiceDescriptor], sidecar: PiperSidecar) {
    self.voices = voices
    self.sidecar = sidecar
  }

  public func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack
  {
    guard voice.engine == .piper, voices.contains(where: { $0.id == voice.id }) else {
      throw .unknownVoice(voice.id)
    }
    let script = SpeechScript(parsing: text)
    guard !script.isSilent else { throw .emptyText }
    let lengthScale = 1 / (speed.isFinite && speed > 0 ? min(max(speed, 0.25), 4) : 1)

    // Each text part is one request; pauses wait until the sample rate is known.
    var pieces: [Piece] = []
    for part in script.parts {
      switch part {
      case .pause(let seconds): pieces.append(.pause(seconds))
      case .text(let text):
        pieces.append(
          .speech(try await speak(text, model: voice.engineVoice, lengthScale: lengthScale)))
      }
    }
    let sampleRate =
      pieces.lazy.compactMap { if case .speech(let s) = $0 { s.sampleRate } else { nil } }.first
      ?? 22050
    var track = SpeechTrack(samples: [], sampleRate: sampleRate, words: [], phones: [])
    for piece in pieces {
      switch piece {
      case .pause(let seconds):
        track = track.appending(.silence(duration: seconds, sampleRate: sampleRate))
      case .speech(let spoken):
        track = track.appending(spoken)
      }
    }
    return track
  }

  private enum Piece {
    case pause(Double)
    case speech(SpeechTrack)
  }

  /// One piece of plain text, sentence by sentence as Piper splits it, as a timed track.
  func speak(_ text: String, model: String, lengthScale: Double) async throws(SpeechError)
    -> SpeechTrack
  {
    let response: Response
    do {
      response = try await request(text, model: model, lengthScale: lengthScale)
    } catch .engineFailure(let message) where message.hasPrefix(Self.unreachable) {
      // The sidecar died between requests: the next baseURL() starts a new one.
      response = try await request(text, model: model, lengthScale: lengthScale)
    }
    return try Self.track(from: response, script: text)
  }

  private static let unreachable = "Piper is unreachable"

  private func request(_ text: String, model: String, lengthScale: Double)
    async throws(SpeechError) -> Response
  {
    let url = try await sidecar.baseURL()
    var request = HTTPClientRequest(url: url.absoluteString + "/synthesize")
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    let body: Data
    do {
      body = try JSONEncoder().encode(
        Request(model: model, text: text, lengthScale: lengthScale))
    } catch {
      throw .engineFailure("Piper: \(error)")
    }
    request.body = .bytes(ByteBuffer(bytes: body))
    let response: HTTPClientResponse
    let bytes: ByteBuffer
    do {
      response = try await HTTPClient.shared.execute(request, timeout: timeout)
      bytes = try await response.body.collect(upTo: 512 << 20)
    } catch {
      throw .engineFailure("\(Self.unreachable): \(error)")
    }
    let data = Data(bytes.readableBytesView)
    guard response.status == .ok else {
      let message =
        (try? JSONDecoder().decode(ErrorBody.self, from: data))?.error.message
        ?? "status \(response.status.code)"
      throw .engineFailure("Piper: \(message)")
    }
    do {
      return try JSONDecoder().decode(Response.self, from: data)
    } catch {
      throw .engineFailure("Piper answered something unreadable: \(error)")
    }
  }

  /// The sentences joined into one track: their samples, phones and the script's words.
  static func track(from response: Response, script: String) throws(SpeechError) -> SpeechTrack {
    let sampleRate = response.sampleRate
    guard sampleRate > 0 else { throw .engineFailure("Piper reported no sample rate") }
    var samples: [Int16] = []
    var phones: [TimedPhone] = []
    var groups: [PiperTiming.Group] = []
    for sentence in response.sentences {
      guard let audio = Data(base64Encoded: sentence.audio) else {
        throw .engineFailure("Piper sent audio that is not base64")
      }
      let offset = Double(samples.count) / Double(sampleRate)
      let entries = sentence.phonemes.map { PiperTiming.Entry(phoneme: $0.0, samples: $0.1) }
      phones += PiperTiming.phones(entries, sampleRate: sampleRate, offset: offset)
      groups += PiperTiming.groups(entries, sampleRate: sampleRate, offset: offset)
      audio.withUnsafeBytes { raw in
        let count = raw.count / 2
        samples.reserveCapacity(samples.count + count)
        for index in 0..<count {
          samples.append(
            Int16(bitPattern: UInt16(raw[2 * index]) | UInt16(raw[2 * index + 1]) << 8))
        }
      }
    }
    let duration = Double(samples.count) / Double(sampleRate)
    // Rounding in the reported durations may run a hair past the audio.
    phones = phones.compactMap { phone in
      let end = min(phone.end, duration)
      return end > phone.start ? TimedPhone(phone.phone, start: phone.start, end: end) : nil
    }
    let words = PiperTiming.words(script, groups: groups).map { word in
      var clamped = word
      clamped.start = min(word.start, duration)
      clamped.end = min(word.end, duration)
      return clamped
    }
    return SpeechTrack(samples: samples, sampleRate: sampleRate, words: words, phones: phones)
  }

  struct Request: Encodable {
    var model: String
    var text: String
    var lengthScale: Double
    enum CodingKeys: String, CodingKey {
      case model, text
      case lengthScale = "length_scale"
    }
  }

  struct Response: Decodable {
    struct Sentence: Decodable {
      var audio: String
      var phonemes: [(String, Int)]

      enum CodingKeys: String, CodingKey { case audio, phonemes }

      init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        audio = try container.decode(String.self, forKey: .audio)
        var list = try container.nestedUnkeyedContainer(forKey: .phonemes)
        var phonemes: [(String, Int)] = []
        while !list.isAtEnd {
          var pair = try list.nestedUnkeyedContainer()
          phonemes.append((try pair.decode(String.self), try pair.decode(Int.self)))
        }
        self.phonemes = phonemes
      }
    }
    var sampleRate: Int
    var sentences: [Sentence]
    enum CodingKeys: String, CodingKey {
      case sampleRate = "sample_rate"
      case sentences
    }
  }

  struct ErrorBody: Decodable {
    struct Message: Decodable { var message: String }
    var error: Message
  }
}
