import Foundation
import OratorCore

/// The test portraits in `Tests/Photos`: scikit-image's `astronaut` (a NASA portrait, public
/// domain) and pictures made from it, each with the landmarks FaceMesh found in it.
enum TestPhotos {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Photos")

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  static func face(_ name: String) throws -> FaceLandmarks {
    try JSONDecoder().decode(
      FaceLandmarks.self,
      from: Data(contentsOf: folder.appendingPathComponent("\(name).landmarks.json")))
  }

  /// Where tests leave pictures for people to look at.
  static func artefact(_ name: String) -> String {
    let folder =
      ProcessInfo.processInfo.environment["ORATOR_TEST_ARTEFACTS"]
      ?? NSTemporaryDirectory() + "orator-artefacts"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return (folder as NSString).appendingPathComponent(name)
  }
}
