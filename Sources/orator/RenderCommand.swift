import ArgumentParser
import Foundation
import HeyGenAPI
import OratorCore
import OratorRender
import OratorServer

/// `orator render request.json -o out.mp4`: renders a HeyGen generate body offline.
struct RenderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render a HeyGen POST /v2/video/generate body to an MP4, offline.",
    discussion: """
      Writes the MP4 and, beside it, a JPEG thumbnail, a GIF preview and captions
      (.srt, .vtt, .ass); with "caption": true also a copy with burned-in captions.
      Exit codes: 0 done, 1 render failed, 2 bad input.
      """
  )

  @Argument(help: "The request body (JSON file, or - for standard input).")
  var request: String?

  @Option(name: .shortAndLong, help: "The MP4 to write.")
  var output: String = "out.mp4"

  @Flag(help: "Print the built-in avatars and voices instead of rendering.")
  var list = false

  @Flag(help: "With --list: print JSON in the shape of /v2/avatars and /v2/voices.")
  var json = false

  @Option(help: "Write a PNG contact sheet of every avatar, style and mouth shape, and stop.")
  var contactSheet: String?

  @Flag(help: "Encode faster with larger files (x264 ultrafast).")
  var draft = false

  @Option(help: "A folder of extra avatar definitions (JSON). Also ORATOR_AVATARS_DIR.")
  var avatarsDir: String?

  @Option(help: "A folder whose files are the asset ids requests may name.")
  var assetsDir: String?

  @Option(help: "Base of the preview URLs printed by --list (where `orator serve` runs).")
  var publicURL: String = "http://127.0.0.1:8080"

  @OptionGroup var speech: SpeechOptions

  func run() async throws {
    do {
      try await perform()
    } catch let failure as Failure {
      FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
      throw ExitCode(failure.exitCode)
    }
  }

  private func perform() async throws {
    let settings = try await Settings.environment(ProcessInfo.processInfo.environment)
    // A speech server's captions are aligned by the speech-recognition sidecar when it is
    // installed (`ORATOR_ASR_VENV`, else `.venv-asr`), as `orator serve` aligns them. That
    // sidecar and a Piper one start only when a voice of theirs speaks, and exit with this
    // process (their standard input closes).
    let engines = SpeechEngineSetup.engines(
      try await speech.settings(settings),
      recognitionEnvironment: try await settings.string(nil, "asr-venv")
        ?? TranslationOptions.installedSidecarEnvironment(named: ".venv-asr"))
    let extraAvatarsFolder = try await settings.string(avatarsDir, "avatars-dir")
    let avatars: [AvatarDefinition]
    do {
      avatars = AvatarCatalogue.preferringNeuralVoices(
        try AvatarCatalogue.builtIn + extraAvatars(extraAvatarsFolder), voices: engines.voices)
    } catch {
      throw Failure.badInput("--avatars-dir: \(error)")
    }
    if list {
      try printCatalogue(avatars, voices: engines.voices)
      return
    }
    if let contactSheet {
      do {
        try ContactSheet.render(to: contactSheet, avatars: avatars)
      } catch {
        throw Failure.renderFailed("cannot write \(contactSheet): \(error)")
      }
      print(contactSheet)
      return
    }
    guard let request else {
      throw ValidationError("Give a request JSON file, or --list.")
    }
    let body = try readRequest(request)
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("orator-downloads-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }

    let renderer = VideoRenderer(
      avatars: avatars, speech: engines,
      media: LocalMediaResolver(scratchDirectory: scratch, assetsDirectory: assetsDir),
      encoder: draft ? .draft : EncoderSettings())
    let progress = TerminalProgress()
    do {
      let video = try await renderer.render(body, to: output) { progress.show($0) }
      progress.finish()
      for path in video.allPaths { print(path) }
    } catch {
      progress.finish()
      switch error {
      case .invalidInput(let field): throw Failure.badInput(field.description)
      case .failed(let message): throw Failure.renderFailed(message)
      case .insufficientCredit: throw Failure.renderFailed(error.description)
      }
    }
  }

  private func extraAvatars(_ directory: String?) throws -> [AvatarDefinition] {
    guard let directory else { return [] }
    return try AvatarCatalogue.load(directory: directory)
  }

  private func readRequest(_ source: String) throws -> VideoGenerateRequest {
    let data: Data
    do {
      data =
        source == "-"
        ? FileHandle.standardInput.readDataToEndOfFile()
        : try Data(contentsOf: URL(fileURLWithPath: source))
    } catch {
      throw Failure.badInput("cannot read \(source): \(error.localizedDescription)")
    }
    do {
      return try JSONDecoder().decode(VideoGenerateRequest.self, from: data)
    } catch let error as DecodingError {
      throw Failure.badInput(InvalidField(error).description)
    }
  }

  private func printCatalogue(_ avatars: [AvatarDefinition], voices: [VoiceDescriptor]) throws {
    let listing = CatalogueListing(avatars: avatars, voices: voices, publicURL: publicURL)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(listing), as: UTF8.self))
      return
    }
    print("AVATARS")
    for avatar in listing.avatars {
      print(
        "  \(avatar.avatarId.padding(toLength: 28, withPad: " ", startingAt: 0)) \(avatar.avatarName) (\(avatar.gender))"
      )
    }
    print("VOICES")
    for voice in listing.voices {
      print(
        "  \(voice.voiceId.padding(toLength: 28, withPad: " ", startingAt: 0)) \(voice.name), \(voice.language), \(voice.gender)"
      )
    }
  }
}

/// Failures reported as one line on standard error with the documented exit code.
enum Failure: Error, CustomStringConvertible {
  case badInput(String)
  case renderFailed(String)

  var description: String {
    switch self {
    case .badInput(let message), .renderFailed(let message): message
    }
  }
}

extension Failure {
  var exitCode: Int32 {
    switch self {
    case .badInput: 2
    case .renderFailed: 1
    }
  }
}
