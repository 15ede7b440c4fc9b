import AsyncHTTPClient
import Foundation
import NIOCore

/// Neural speech from Piper voices, spoken by a ``PiperSidecar``. Piper reports how many
/// samples each phoneme lasts, so lip sync and captions get exact timings. Piper has no pitch
/// control: `pitch` is ignored; `speed` scales the phoneme durations.
public struct PiperSynthesizer: SpeechSynthesizer {
  public let voices: [VoiceDescriptor]
  public let sidecar: PiperSidecar
  /// How long one request may take (a whole scene's script).
  public var timeout: TimeAmount = .seconds(600)
  /// How many requests are spoken at once. A script is sent a few sentences at a time, and
  /// each request runs on one inference thread, so this is how many cores speech takes: one
  /// leaves the others to renders drawing frames meanwhile (`--piper-parallel-requests`).
  public var parallelRequests: Int

  public init(voices: [VoiceDescriptor], sidecar: PiperSidecar, parallelRequests: Int = 1) {
    self.voices = voices
    self.sidecar = sidecar
    self.parallelRequests = max(1, parallelRequests)
  }

  public func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double)
    async throws(SpeechError) -> SpeechTrack
  {
    try await synthesize(text, voice: voice, speed: speed, pitch: pitch) { _ in }
  }

  public func synthesize(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) async throws(SpeechError) -> SpeechTrack {
    var joined: SpeechTrack?
    try await speak(text, voice: voice, speed: speed, pitch: pitch, progress: progress) {
      if joined == nil { joined = $0 } else { joined?.append($0) }
    }
    return joined ?? SpeechTrack(samples: [], sampleRate: 22050, words: [], phones: [])
  }

  /// A few sentences at a time, each as soon as it is spoken.
  public func speaksPieceByPiece(_ voice: VoiceDescriptor) -> Bool {
    voice.engine == .piper && voices.contains { $0.id == voice.id }
  }

  /// Each piece as soon as it and every piece before it are spoken.
  public func synthesizeInPieces(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void
  ) -> AsyncThrowingStream<SpeechTrack, any Error> {
    SpeechPieces.stream { piece throws(SpeechError) in
      try await speak(text, voice: voice, speed: speed, pitch: pitch, progress: progress) {
        piece($0)
      }
    }
  }

  /// Speaks `text` a few sentences at a time, handing `piece` each piece in order: speech,
  /// and the silence of `<break>` pauses once the voice's sample rate is known.
  func speak(
    _ text: String, voice: VoiceDescriptor, speed: Double, pitch: Double,
    progress: @escaping @Sendable (Double) -> Void, piece: (SpeechTrack) -> Void
  ) async throws(SpeechError) {
    guard voice.engine == .piper, voices.contains(where: { $0.id == voice.id }) else {
      throw .unknownVoice(voice.id)
    }
    let script = SpeechScript(parsing: text)
    guard !script.isSilent else { throw .emptyText }
    let lengthScale = 1 / (speed.isFinite && speed > 0 ? min(max(speed, 0.25), 4) : 1)

    let texts = script.parts.compactMap { if case .text(let text) = $0 { text } else { nil } }
    let total = max(1, texts.reduce(0) { $0 + $1.count })
    var spokenBefore = 0
    // Pauses before the first speech wait until its sample rate is known.
    var sampleRate: Int?
    var waiting: [Double] = []
    func pause(_ seconds: Double, rate: Int) {
      piece(.silence(duration: seconds, sampleRate: rate))
    }
    for part in script.parts {
      switch part {
      case .pause(let seconds):
        if let sampleRate { pause(seconds, rate: sampleRate) } else { waiting.append(seconds) }
      case .text(let text):
        let before = spokenBefore
        try await speakInPieces(
          text, model: voice.engineVoice, lengthScale: lengthScale,
          spoken: { progress(Double(before + $0) / Double(total)) },
          piece: { track in
            if sampleRate == nil {
              sampleRate = track.sampleRate
              for seconds in waiting { pause(seconds, rate: track.sampleRate) }
              waiting = []
            }
            piece(track)
          })
        spokenBefore += text.count
      }
    }
    for seconds in waiting { pause(seconds, rate: sampleRate ?? 22050) }
  }

  /// `text` sent a few sentences at a time (`pieces(of:)`), `parallelRequests` requests at
  /// once, handed to `piece` in order as soon as each and those before it are back; `spoken`
  /// hears how many of its characters are done after each. Piper speaks each sentence on its
  /// own anyway, so the joined audio is what one request would have given.
  func speakInPieces(
    _ text: String, model: String, lengthScale: Double, spoken: @Sendable (Int) -> Void,
    piece: (SpeechTrack) -> Void
  ) async throws(SpeechError) {
    let parts = Self.pieces(of: text)
    guard !parts.isEmpty else {
      piece(try await speak(text, model: model, lengthScale: lengthScale))
      return
    }
    let limit = parallelRequests
    let failure = await withTaskGroup(of: (Int, Result<SpeechTrack, SpeechError>).self) {
      group -> SpeechError? in
      var next = 0
      func start(_ index: Int) {
        group.addTask {
          do throws(SpeechError) {
            return (
              index, .success(try await speak(parts[index], model: model, lengthScale: lengthScale))
            )
          } catch {
            return (index, .failure(error))
          }
        }
      }
      while next < min(limit, parts.count) {
        start(next)
        next += 1
      }
      var tracks = [SpeechTrack?](repeating: nil, count: parts.count)
      var (done, finished, handedOut) = (0, 0, 0)
      for await (index, outcome) in group {
        switch outcome {
        case .success(let track): tracks[index] = track
        case .failure(let error):
          group.cancelAll()
          return error
        }
        done += parts[index].count
        finished += 1
        // The last one done is all of it, white space that was not sent included.
        spoken(finished == parts.count ? text.count : done)
        while handedOut < parts.count, let track = tracks[handedOut] {
          piece(track)
          tracks[handedOut] = nil
          handedOut += 1
        }
        if next < parts.count {
          start(next)
          next += 1
        }
      }
      return nil
    }
    if let failure { throw failure }
  }

  /// Pieces shorter than this take in the next sentence too: each request costs a little
  /// beyond its speech (HTTP, JSON, base64), and a handful of pieces is enough for progress.
  static let shortestPiece = 200

  /// `text` cut at sentence ends into pieces of at least `shortestPiece` characters (the last
  /// may be shorter). A sentence ends after . ! or ? and white space, before a word that does
  /// not start in lower case ("e.g. this" goes on).
  static func pieces(of text: String) -> [String] {
    var pieces: [String] = []
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(after: index)
      if ".!?".contains(text[index]), next < text.endIndex, text[next].isWhitespace,
        text.distance(from: start, to: next) >= shortestPiece,
        let word = text[next...].firstIndex(where: { !$0.isWhitespace }),
        !text[word].isLowercase
      {
        pieces.append(String(text[start..<next]))
        start = next
      }
      index = next
    }
    pieces.append(String(text[start...]))
    return pieces.filter { $0.contains { !$0.isWhitespace } }
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
