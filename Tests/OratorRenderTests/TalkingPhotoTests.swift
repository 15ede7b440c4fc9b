import Foundation
import OratorCore
import Testing

@testable import OratorRender

@Suite("Talking photo animation")
struct TalkingPhotoTests {
  @Test(
    "a contact sheet of each test photo is written", arguments: ["astronaut", "astronaut-turned"])
  func contactSheet(name: String) async throws {
    let path = TestPhotos.artefact("talking-photo-\(name).png")
    try? FileManager.default.removeItem(atPath: path)
    try await PhotoContactSheet.render(
      path: TestPhotos.path("\(name).jpg"), face: try TestPhotos.face(name), title: name, to: path)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
  }
}
