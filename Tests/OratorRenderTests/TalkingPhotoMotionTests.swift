import Foundation
import OratorCore
import Testing

@testable import OratorRender

/// The photo's motion, from mouth cues to mesh: shut lips on bilabials, blinks at natural
/// intervals, a head that moves only a few pixels, and a ring that never moves.
@Suite("Talking photo motion")
struct TalkingPhotoMotionTests {
  static func rig() throws -> PhotoFaceRig {
    let face = try TestPhotos.face("astronaut")
    return PhotoFaceRig(face: face, scale: 1080 / 512, pictureWidth: 1080, pictureHeight: 1080)
  }

  /// Twelve seconds of alternating speech: A (bilabial), D (wide), X (rest).
  static func performance(seconds: Double = 12) -> Performance {
    var cues: [MouthCue] = []
    var time = 0.0
    let shapes: [MouthShape] = [.D, .A, .C, .F, .A, .B, .X]
    var k = 0
    while time < seconds {
      cues.append(MouthCue(start: time, end: time + 0.2, shape: shapes[k % shapes.count]))
      time += 0.2
      k += 1
    }
    let frames = Int(seconds * 25)
    let words = stride(from: 0.0, to: seconds, by: 0.6).map {
      TimedWord(text: "word", start: $0, end: $0 + 0.4)
    }
    return Performance(
      mouthCues: cues, words: words,
      energy: (0..<frames).map { 0.5 + 0.5 * sin(Double($0) / 5) }, fps: 25, seed: 7)
  }

  static func track(_ rig: PhotoFaceRig) -> PhotoMotionTrack {
    PhotoMotionTrack(
      motion: AvatarMotion(
        parameters: PhotoMotionTrack.parameters, identity: "photo", performance: performance()),
      frameCount: 300, rig: rig)
  }

  @Test("bilabials shut the lips completely; open shapes open them")
  func bilabialsShut() throws {
    let rig = try Self.rig()
    let track = Self.track(rig)
    let performance = Self.performance()
    for frame in 0..<300 {
      let time = Double(frame) / 25
      guard let cue = performance.mouthCues.first(where: { $0.start <= time && time < $0.end })
      else { continue }
      let state = track.state(atFrame: frame)
      if cue.shape == .A {
        #expect(state.gap == 0, "frame \(frame)")
        let mesh = rig.mesh(gap: state.gap, rounding: 0, brows: 0, tilt: 0, shift: .zero)
        // The inner lips meet along the whole mouth.
        for (upper, lower) in zip(FaceMeshIndices.upperInnerLip, FaceMeshIndices.lowerInnerLip) {
          #expect(abs(mesh[lower].y - mesh[upper].y) < 0.75, "lip pair \(upper)/\(lower)")
        }
      }
    }
    let wide = rig.mesh(
      gap: PhotoMotionTrack.gap(of: .D, rig: rig), rounding: 0, brows: 0, tilt: 0, shift: .zero)
    #expect(wide[14].y - wide[13].y > 0.3 * rig.mouthWidth)
  }

  @Test("blinks come every two to six seconds and close the eyes fully")
  func blinks() throws {
    let track = Self.track(try Self.rig())
    var closings: [Int] = []
    var wasClosed = false
    for frame in 0..<300 {
      let closed = track.state(atFrame: frame).eyelids > 0.95
      if closed && !wasClosed { closings.append(frame) }
      wasClosed = closed
    }
    #expect(closings.count >= 2, "\(closings)")
    let gaps = zip(closings.dropFirst(), closings).map { Double($0 - $1) / 25 }
    // A double blink comes a fraction of a second after the first.
    #expect(gaps.allSatisfy { $0 < 6.5 }, "\(gaps)")
  }

  @Test("head motion stays within a few pixels and the ring never moves")
  func headMotionIsSmall() throws {
    let rig = try Self.rig()
    let track = Self.track(rig)
    var largest = 0.0
    for frame in 0..<300 {
      let state = track.state(atFrame: frame)
      let mesh = rig.mesh(
        gap: rig.restGap, rounding: 0, brows: 0, tilt: state.tilt, shift: state.shift)
      // The forehead moves furthest from the neck pivot.
      largest = max(
        largest, (mesh[FaceMeshIndices.forehead] - rig.rest[FaceMeshIndices.forehead]).length)
      for i in (rig.rest.count - 40)..<rig.rest.count { #expect(mesh[i] == rig.rest[i]) }
    }
    #expect(largest > 0.3, "the head never moves")
    #expect(largest < 0.03 * rig.faceHeight, "the head moves \(largest) px")
  }

  @Test("an open mouth shows a dark cavity and teeth; a shut mouth shows neither")
  func mouthInterior() async throws {
    let face = try TestPhotos.face("astronaut")
    let photo = ScenePlan.Photo(
      id: "astronaut", path: TestPhotos.path("astronaut.jpg"), face: face, circle: false, scale: 1,
      offset: .init(x: 0, y: 0), circleColor: .white)
    let layout = PhotoPresenter.Layout(photo: photo, frameWidth: 1920, frameHeight: 1080)
    let picture = try await PhotoPicture.load(
      path: photo.path, width: layout.pictureWidth, height: layout.pictureHeight)
    let presenter = PhotoPresenter(
      photo: photo, picture: picture, layout: layout,
      performance: Performance(mouthCues: [], words: [], energy: [0], fps: 25, seed: 1),
      frameWidth: 1920, frameHeight: 1080)
    let base = FrameCanvas(width: 1920, height: 1080)
    presenter.drawStatics(on: base)
    let canvas = FrameCanvas(width: 1920, height: 1080)
    let rig = presenter.rig
    func darkPixels(_ shape: MouthShape) -> Int {
      canvas.copyAll(from: base)
      presenter.draw(
        .init(
          gap: PhotoMotionTrack.gap(of: shape, rig: rig), rounding: 0, eyelids: 0, brows: 0,
          tilt: 0,
          shift: .zero), on: canvas)
      let left = Int(rig.rest[61].x) + layout.originX
      let right = Int(rig.rest[291].x) + layout.originX
      let top = Int(rig.rest[13].y) + layout.originY - 4
      var count = 0
      for y in top..<(top + Int(0.5 * rig.mouthWidth)) {
        for x in left...right {
          let c = canvas.color(x: x, y: y)
          if Int(c.red) + Int(c.green) + Int(c.blue) < 200 { count += 1 }
        }
      }
      return count
    }
    let shut = darkPixels(.A)
    let wide = darkPixels(.D)
    #expect(shut < 40, "a shut mouth shows \(shut) dark pixels")
    #expect(wide > 20 * max(shut, 10), "a wide mouth shows only \(wide) dark pixels")
  }
}
