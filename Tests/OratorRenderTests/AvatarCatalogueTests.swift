import Foundation
import Testing

@testable import OratorRender

@Suite("Avatar catalogue")
struct AvatarCatalogueTests {
  @Test("the built-in folder decodes without errors into at least eight presenters")
  func builtInDecodes() throws {
    let directory = try #require(AvatarCatalogue.builtInDirectory)
    let avatars = try AvatarCatalogue.load(directory: directory)
    #expect(avatars.count >= 8)
    #expect(avatars == AvatarCatalogue.builtIn)
  }

  @Test("ids are unique, snake case, and every avatar has a name and a known voice")
  func idsAreUnique() {
    let ids = AvatarCatalogue.builtIn.map(\.id)
    #expect(Set(ids).count == ids.count)
    let voices: Set = [
      "en-us-female", "en-us-male", "en-gb-female", "en-gb-male", "en-us-female-2", "en-us-male-2",
    ]
    for avatar in AvatarCatalogue.builtIn {
      #expect(avatar.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(avatar.id)")
      #expect(!avatar.name.isEmpty)
      #expect(["female", "male", "unknown"].contains(avatar.gender))
      #expect(voices.contains(avatar.defaultVoiceId), "\(avatar.id): \(avatar.defaultVoiceId)")
    }
  }

  @Test("the set spans at least four distinct skin tones, from light to deep")
  func skinTonesVary() throws {
    let tones = AvatarCatalogue.builtIn.compactMap { FigureColor(hex: $0.palette.skin)?.luminance }
    let distinct = Set(tones.map { ($0 * 20).rounded() })
    #expect(distinct.count >= 4)
    let lightest = try #require(tones.max())
    let deepest = try #require(tones.min())
    #expect(lightest - deepest > 0.4)
  }

  @Test("an avatar survives a JSON round trip")
  func roundTrip() throws {
    let avatar = try #require(AvatarCatalogue.builtIn.first)
    let data = try AvatarCatalogue.encode(avatar)
    #expect(try AvatarCatalogue.decode(data) == avatar)
  }

  @Test("a folder with a broken path is rejected with the file's name")
  func brokenPathIsRejected() throws {
    var avatar = try #require(AvatarCatalogue.builtIn.first)
    avatar.shapes.head = "M 500 150 C oops"
    let folder = NSTemporaryDirectory() + "orator-avatar-broken-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try AvatarCatalogue.encode(avatar).write(to: URL(fileURLWithPath: folder + "/broken.json"))
    #expect {
      try AvatarCatalogue.load(directory: folder)
    } throws: { error in
      String(describing: error).contains("broken.json")
    }
  }
}

@Suite("Avatar documentation")
struct AvatarDocumentationTests {
  @Test("the complete example in docs/avatars.md decodes and draws")
  func documentedExampleDecodes() throws {
    let docs = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/avatars.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    let start = try #require(text.range(of: "```json\n"))
    let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
    let avatar = try AvatarCatalogue.decode(Data(text[start.upperBound..<end.lowerBound].utf8))
    #expect(avatar.id == "jordan_grey_sweater")
    let render = AvatarRender(AvatarFigure(avatar), pose: .rest)
    #expect(
      render.region(FigureRect(x: 470, y: 300, width: 60, height: 40)).allSatisfy {
        $0 != AvatarRender.background
      })
  }
}
