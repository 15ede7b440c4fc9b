import Foundation
import HeyGenAPI
import OratorCore

/// Times the per-frame work of a talking photo alone (the face warped, the mouth, lids and
/// brows painted over the still photo) for benchmarks: no speech, no encoder.
public enum PhotoFrameTiming {
  /// Mean milliseconds per frame over `frames` frames of varied mouth shapes, blinks and head
  /// motion, the photo placed as the `square` style places it in a `width`×`height` frame.
  public static func milliseconds(
    picture path: String, face: FaceLandmarks, width: Int, height: Int, frames: Int = 250
  ) async throws -> Double {
    let photo = ScenePlan.Photo(
      id: "timing", path: path, face: face, circle: false, scale: 1, offset: Offset(x: 0, y: 0),
      circleColor: .white)
    let layout = PhotoPresenter.Layout(photo: photo, frameWidth: width, frameHeight: height)
    let picture = try await PhotoPicture.load(
      path: path, width: layout.pictureWidth, height: layout.pictureHeight)
    let shapes: [MouthShape] = [.A, .B, .C, .D, .E, .F, .G, .H, .X]
    let cues = (0..<frames).map {
      MouthCue(
        start: Double($0) * 0.12, end: Double($0 + 1) * 0.12, shape: shapes[$0 % shapes.count])
    }
    let performance = Performance(
      mouthCues: cues, words: [], energy: (0..<frames).map { 0.5 + 0.5 * sin(Double($0) / 7) },
      fps: 25, seed: 3)
    let presenter = PhotoPresenter(
      photo: photo, picture: picture, layout: layout, performance: performance,
      frameWidth: width, frameHeight: height)
    let base = FrameCanvas(width: width, height: height)
    presenter.drawStatics(on: base)
    let work = FrameCanvas(width: width, height: height)
    work.copyAll(from: base)
    let rect = presenter.dirtyRect
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      for frame in 0..<frames {
        work.copy(rect, from: base)
        presenter.draw(frame: frame, on: work)
      }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds * 1000 / Double(frames)
  }
}
