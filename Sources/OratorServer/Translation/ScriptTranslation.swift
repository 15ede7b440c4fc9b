import Foundation
import HeyGenAPI
import OratorRender
import OratorTranslate

/// Translating a video Orator rendered from text: every scene's script is translated and
/// given a voice of the target language (the same gender where one exists), so the
/// re-rendered presenter lip-syncs to the new speech. Pauses written as `<break …/>` stay
/// where they were.
struct ScriptTranslation {
  var translator: any TextTranslator
  var voices: [VoiceDescriptor]

  /// The ISO 639-1 code of the language the request's text scenes are spoken in (the first
  /// text scene's voice); nil when no scene is spoken from text.
  static func spokenLanguage(of request: VideoGenerateRequest, voices: [VoiceDescriptor])
    -> String?
  {
    speakingVoice(of: request, voices: voices).map(languageCode(of:))
  }

  /// The catalogue voice of the first scene spoken from text; nil when no scene is.
  static func speakingVoice(of request: VideoGenerateRequest, voices: [VoiceDescriptor])
    -> VoiceDescriptor?
  {
    for scene in request.videoInputs {
      if case .text(let text) = scene.voice,
        let voice = voices.first(where: { $0.id == text.voiceId })
      {
        return voice
      }
    }
    return nil
  }

  static func languageCode(of voice: VoiceDescriptor) -> String {
    String(voice.locale.split(separator: "-").first ?? Substring(voice.locale)).lowercased()
  }

  /// True when every scene that speaks does so from text, so the script is fully known.
  static func isScripted(_ request: VideoGenerateRequest) -> Bool {
    request.videoInputs.allSatisfy {
      if case .audio = $0.voice { return false }
      return true
    }
  }

  /// The request with translated scripts and target-language voices.
  func translate(
    _ request: VideoGenerateRequest, from source: String, to target: TranslationLanguage
  ) async throws(TranslationError) -> VideoGenerateRequest {
    // Scripts are split at their pause tags so the translator only sees prose, and every
    // piece of every scene goes in one call (the engine's start-up dominates short texts).
    var pieces: [String] = []
    var layout: [[ScriptPart]] = []
    for scene in request.videoInputs {
      guard case .text(let text) = scene.voice else {
        layout.append([])
        continue
      }
      let parts = Self.split(text.inputText)
      for case .prose(let prose) in parts { pieces.append(prose) }
      layout.append(parts)
    }
    let translated =
      source == target.code
      ? pieces : try await translator.translate(pieces, from: source, to: target.code)
    var next = translated.makeIterator()
    var result = request
    for index in result.videoInputs.indices {
      guard case .text(var text) = result.videoInputs[index].voice else { continue }
      text.inputText = layout[index].map { part in
        switch part {
        case .prose: next.next() ?? ""
        case .pause(let tag): tag
        }
      }.joined(separator: " ")
      let original = voices.first { $0.id == text.voiceId }
      guard
        let voice = VoicePicker.voice(for: target, gender: original?.gender, in: voices)
      else {
        throw .noVoice(language: target.code)
      }
      text.voiceId = voice.id
      text.locale = nil
      result.videoInputs[index].voice = .text(text)
    }
    return result
  }

  enum ScriptPart: Equatable {
    case prose(String)
    case pause(String)
  }

  /// Splits a script into prose and `<break time="…"/>` tags, dropping empty prose.
  static func split(_ script: String) -> [ScriptPart] {
    var parts: [ScriptPart] = []
    var rest = Substring(script)
    while let open = rest.range(of: "<break"), let close = rest[open.upperBound...].range(of: ">") {
      let prose = rest[..<open.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
      if !prose.isEmpty { parts.append(.prose(prose)) }
      parts.append(.pause(String(rest[open.lowerBound..<close.upperBound])))
      rest = rest[close.upperBound...]
    }
    let tail = rest.trimmingCharacters(in: .whitespacesAndNewlines)
    if !tail.isEmpty { parts.append(.prose(tail)) }
    return parts
  }
}
