import Foundation
import OratorRender

/// The dubbed speech: one track from the start of the video, and what it says when.
struct DubSpeech {
  var track: SpeechTrack
  /// When the last dubbed word ends.
  var end: Double
  var words: [TimedWord]
  var segments: [TranscriptSegment]
}

extension ExternalVideoDubber {
  /// Speaks each translation in its sentence's slot, fitted as ``SlotFitting`` describes.
  func speak(
    _ translations: [String], over sentences: [SpokenSentence], until videoDuration: Double,
    voice: VoiceDescriptor, scratch: URL, times: inout DubStageTimes
  ) async throws(TranslationError) -> DubSpeech {
    var samples: [Int16] = []
    var sampleRate = 22050
    var words: [TimedWord] = []
    var segments: [TranscriptSegment] = []
    var previousEnd: Double?

    for (index, (sentence, text)) in zip(sentences, translations).enumerated() {
      guard text.contains(where: { !$0.isWhitespace }) else { continue }
      let start = fitting.start(original: sentence.start, previousEnd: previousEnd)
      let slotEnd =
        index + 1 < sentences.count
        ? sentences[index + 1].start : max(videoDuration, sentence.end)
      let available = slotEnd - start

      var clock = StageClock()
      var spoken = try await synthesize(text, voice: voice, speed: 1)
      let speed = fitting.speed(natural: spoken.duration, available: available)
      if speed > 1 { spoken = try await synthesize(text, voice: voice, speed: speed) }
      times.speech += clock.lap()

      var clip = spoken.samples
      var timeScale = 1.0
      if spoken.duration > available + 0.02 {
        let tempo = fitting.tempo(spoken: spoken.duration, available: available)
        if tempo > 1.01 {
          clip = try await DubAudio.changeTempo(
            clip, sampleRate: spoken.sampleRate, tempo: tempo, scratch: scratch)
          timeScale = 1 / tempo
        }
      }
      sampleRate = spoken.sampleRate
      // Later speech never overlaps earlier: a sentence that starts inside the previous one
      // waits for it.
      let offset = max(samples.count, Int((start * Double(sampleRate)).rounded()))
      samples += [Int16](repeating: 0, count: offset - samples.count)
      samples += clip
      let placedStart = Double(offset) / Double(sampleRate)
      let end = Double(samples.count) / Double(sampleRate)

      let placedWords = spoken.words.enumerated().map { number, word in
        TimedWord(
          text: word.text, start: placedStart + word.start * timeScale,
          end: min(end, placedStart + word.end * timeScale),
          startsSentence: number == 0 || word.startsSentence)
      }
      words += placedWords
      segments.append(
        TranscriptSegment(
          start: placedStart, end: end, text: text,
          words: placedWords.map { TranscriptWord(text: $0.text, start: $0.start, end: $0.end) }))
      previousEnd = end
      times.fitting += clock.lap()
    }
    guard let previousEnd else { throw .noSpeech }
    return DubSpeech(
      track: SpeechTrack(samples: samples, sampleRate: sampleRate, words: words, phones: []),
      end: previousEnd, words: words, segments: segments)
  }

  /// Synthesised speech without the silence engines put before and after it, so that only
  /// speech counts against the slot.
  private func synthesize(_ text: String, voice: VoiceDescriptor, speed: Double)
    async throws(TranslationError) -> SpeechTrack
  {
    let track: SpeechTrack
    do {
      track = try await synthesizer.synthesize(text, voice: voice, speed: speed, pitch: 0)
    } catch {
      throw .engineFailed("speech synthesis: \(error)")
    }
    let sounds =
      track.phones.isEmpty
      ? track.words.map { ($0.start, $0.end) } : track.phones.map { ($0.start, $0.end) }
    guard let first = sounds.first?.0, let last = sounds.last?.1 else { return track }
    let lead = max(0, first - 0.03)
    let tail = min(track.duration, last + 0.06)
    let from = Int(lead * Double(track.sampleRate))
    let to = max(from, min(track.samples.count, Int(tail * Double(track.sampleRate))))
    return SpeechTrack(
      samples: Array(track.samples[from..<to]), sampleRate: track.sampleRate,
      words: track.words.map {
        TimedWord(
          text: $0.text, start: max(0, $0.start - lead), end: max(0, $0.end - lead),
          startsSentence: $0.startsSentence)
      },
      phones: [])
  }
}
