import Foundation
import Subprocess

/// Rule-based translation with Apertium (Debian's `apertium` plus `apertium-<pair>` packages).
/// The directions are whatever language pairs are installed.
///
/// Starting an Apertium pipeline takes most of a second, so all texts of a call go through
/// one run, separated by blank lines, which Apertium keeps as paragraph breaks.
public struct ApertiumTranslator: TextTranslator {
  /// The `apertium` program: a name looked up in `PATH`, or a path.
  public var executable: String

  public init(executable: String = "apertium") {
    self.executable = executable
  }

  public func pairs() async throws(TranslationError) -> Set<LanguagePair> {
    Set(try await modes().keys)
  }

  public func translate(_ texts: [String], from source: String, to target: String)
    async throws(TranslationError) -> [String]
  {
    let pair = LanguagePair(source: source, target: target)
    guard let mode = try await modes()[pair] else {
      throw .unsupportedPair(source: source, target: target)
    }
    let batch = NonBlankTexts(texts)
    guard !batch.texts.isEmpty else { return batch.restored([]) }

    let output = try await run(["-u", mode], input: batch.texts.joined(separator: "\n\n"))
    var translations = Self.paragraphs(output)
    // A rule that merges or splits a paragraph would misplace every later sentence; translate
    // one by one then, slower but in the right places.
    if translations.count != batch.texts.count {
      translations = []
      for text in batch.texts {
        translations.append(
          Self.paragraphs(try await run(["-u", mode], input: text)).joined(separator: " "))
      }
    }
    let cased = zip(translations, batch.texts).map { translation, text in
      ApertiumCasing.restored(translation, source: text, target: target)
    }
    return batch.restored(cased)
  }

  /// Modes by direction, from `apertium -l`.
  func modes() async throws(TranslationError) -> [LanguagePair: String] {
    ApertiumModes.modes(listing: try await run(["-l"], input: nil))
  }

  /// Output paragraphs with whitespace tidied: Apertium leaves double spaces, and a space
  /// before closing punctuation ("la segunda frase .") that captions would show.
  static func paragraphs(_ output: String) -> [String] {
    output.components(separatedBy: "\n\n").map { paragraph in
      paragraph.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        .replacing(/\ ([.,;:!?…)»])/) { $0.output.1 }
    }.filter { !$0.isEmpty }
  }

  private func run(_ arguments: [String], input: String?) async throws(TranslationError) -> String {
    let executable: Executable =
      self.executable.contains("/") ? .path(.init(self.executable)) : .name(self.executable)
    do {
      let result = try await Subprocess.run(
        executable, arguments: Arguments(arguments), input: .string(input ?? ""),
        output: .string(limit: 1 << 24), error: .string(limit: 1 << 16))
      guard result.terminationStatus.isSuccess else {
        let message = result.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
        throw TranslationError.engineFailed(
          "apertium \(arguments.joined(separator: " ")): \(message)")
      }
      return result.standardOutput
    } catch let error as TranslationError {
      throw error
    } catch {
      throw .engineUnavailable("apertium could not run: \(error)")
    }
  }
}
