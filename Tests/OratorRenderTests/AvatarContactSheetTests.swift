import CCairo
import Foundation
import Testing

@testable import OratorRender

@Suite("Avatar contact sheet")
struct AvatarContactSheetTests {
  @Test("the contact sheet of every built-in avatar is written as a PNG")
  func writesContactSheet() throws {
    let path =
      ProcessInfo.processInfo.environment["ORATOR_CONTACT_SHEET"]
      ?? NSTemporaryDirectory() + "orator-avatars-contact-sheet.png"
    try? FileManager.default.removeItem(atPath: path)
    try ContactSheet.render(to: path, avatars: AvatarCatalogue.builtIn)
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(data.count > 10_000)
    #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
  }
}
