import Foundation
import OratorCore
import Subprocess

/// Finds the face in an uploaded portrait, once, with MediaPipe FaceMesh in a short Python
/// process (the environment `scripts/setup-facemesh.sh` makes; the script ships as this
/// module's `FaceMesh/face_landmarks.py`). The process also writes the picture as it will be
/// animated, so the stored pixels are exactly the ones the landmarks were found on.
public struct FaceLandmarkFinder: Sendable {
  public var python: URL
  /// Longer pictures are shrunk to this side: more pixels add nothing to a 1080p video.
  public var maxSide: Int
  public var rules: PortraitRules

  public init(python: URL, maxSide: Int = 2048, rules: PortraitRules = PortraitRules()) {
    self.python = python
    self.maxSide = maxSide
    self.rules = rules
  }

  /// The finder of an environment made by `scripts/setup-facemesh.sh`, or nil when it has no
  /// interpreter.
  public init?(environment: URL) {
    let python = environment.appendingPathComponent("bin/python")
    guard FileManager.default.isExecutableFile(atPath: python.path) else { return nil }
    self.init(python: python)
  }

  static let script = Bundle.module.url(
    forResource: "face_landmarks", withExtension: "py", subdirectory: "FaceMesh")

  /// Reads the picture at `imagePath`, writes the picture to animate to `picturePath` (PNG)
  /// and returns its one face; throws why the photo cannot be animated.
  public func face(inPictureAt imagePath: String, writingTo picturePath: String)
    async throws(PortraitRefusal) -> FaceLandmarks
  {
    guard let script = Self.script else {
      throw .finderUnavailable("the face-landmark script is missing from the build")
    }
    let run: (output: String, error: String?, succeeded: Bool)
    do {
      let result = try await Subprocess.run(
        .path(.init(python.path)),
        arguments: Arguments([script.path, imagePath, picturePath, String(maxSide)]),
        output: .string(limit: 1 << 20), error: .string(limit: 1 << 16))
      run = (result.standardOutput, result.standardError, result.terminationStatus.isSuccess)
    } catch {
      throw .finderUnavailable("could not start the face-landmark finder: \(error)")
    }
    let output = run.output
    let found: FinderOutput
    do {
      found = try JSONDecoder().decode(FinderOutput.self, from: Data(output.utf8))
    } catch {
      throw .finderUnavailable(
        "the face-landmark finder failed: \(FFmpeg.lastLine(run.error))")
    }
    if found.error == "unreadable" { throw .unreadable }
    guard run.succeeded, let width = found.width, let height = found.height
    else {
      throw .finderUnavailable(
        "the face-landmark finder failed: \(found.error ?? FFmpeg.lastLine(run.error))")
    }
    let faces = (found.faces ?? []).map {
      FaceLandmarks(width: width, height: height, points: $0.points)
    }
    return try rules.check(faces)
  }

  private struct FinderOutput: Decodable {
    var width: Int?
    var height: Int?
    var faces: [Face]?
    var error: String?

    struct Face: Decodable {
      var points: [FacePoint]
    }
  }
}

/// What a portrait needs to be animated: exactly one face, big enough that the mouth and eyes
/// have pixels to move.
public struct PortraitRules: Sendable {
  /// The face's height (forehead to chin) in pixels of the stored picture. Below this the lips
  /// are a few pixels tall and the mouth shapes cannot be told apart.
  public var minFaceHeight: Double

  public init(minFaceHeight: Double = 80) {
    self.minFaceHeight = minFaceHeight
  }

  public func check(_ faces: [FaceLandmarks]) throws(PortraitRefusal) -> FaceLandmarks {
    guard !faces.isEmpty else { throw .noFace }
    guard faces.count == 1 else { throw .severalFaces(faces.count) }
    let face = faces[0]
    guard face.points.count == FaceLandmarks.pointCount else {
      throw .finderUnavailable(
        "the face-landmark finder gave \(face.points.count) points, not \(FaceLandmarks.pointCount)"
      )
    }
    let height = face.bounds.height
    guard height >= minFaceHeight else {
      throw .faceTooSmall(height: Int(height.rounded()), minimum: Int(minFaceHeight))
    }
    return face
  }
}

/// Why a portrait cannot become a talking photo.
public enum PortraitRefusal: Error, Sendable, Equatable {
  case unreadable
  case noFace
  case severalFaces(Int)
  case faceTooSmall(height: Int, minimum: Int)
  /// The finder itself is missing or failed: the server's fault, not the photo's.
  case finderUnavailable(String)

  /// What the user is told.
  public var message: String {
    switch self {
    case .unreadable: "is not a picture that can be read (send a JPEG or PNG photo)"
    case .noFace: "shows no face; send a portrait with one face looking at the camera"
    case .severalFaces:
      "shows more than one face; send a portrait with exactly one face"
    case .faceTooSmall(let height, let minimum):
      "the face is \(height) px tall; a talking photo needs a face at least \(minimum) px tall"
    case .finderUnavailable(let detail): detail
    }
  }
}
