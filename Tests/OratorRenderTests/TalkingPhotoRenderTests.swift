import Foundation
import HeyGenAPI
import OratorCore
import Testing

@testable import OratorRender

/// Talking photos end to end: a request with a `talking_photo` character becomes an MP4 whose
/// face moves with the speech while the rest of the picture stays the photo.
@Suite("Talking photo render", .serialized)
struct TalkingPhotoRenderTests {
  static let width = 960
  static let height = 540
  static let photoID = "0123456789abcdef0123456789abcdef"

  /// Serves the astronaut as the one talking photo, like the server's resolver does.
  struct PhotoMedia: MediaResolver {
    var local: LocalMediaResolver

    func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField)
      -> String
    {
      try await local.file(forURL: url, kind: kind, field: field)
    }

    func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
      -> String
    {
      try await local.file(forAsset: id, kind: kind, field: field)
    }

    func talkingPhoto(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoFile {
      guard id == TalkingPhotoRenderTests.photoID, let face = try? TestPhotos.face("astronaut")
      else { throw InvalidField(path: field, message: "unknown talking photo \"\(id)\"") }
      return TalkingPhotoFile(path: TestPhotos.path("astronaut.jpg"), face: face)
    }
  }

  /// One silent second, then speech full of bilabials.
  static func request(style: String = "square") -> VideoGenerateRequest {
    let photo = Character.talkingPhoto(
      TalkingPhotoCharacter(talkingPhotoId: photoID, talkingPhotoStyle: style))
    return VideoGenerateRequest(
      videoInputs: [
        VideoInput(character: photo, voice: .silence(SilenceVoice(duration: 1))),
        VideoInput(
          character: photo,
          voice: .text(
            TextVoice(voiceId: "en-us-female", inputText: "Bob made a map. Wow, how far apart!"))),
      ],
      dimension: Dimension(width: width, height: height))
  }

  /// The face's box in the frame: the landmarks' bounds, placed as the square style places the
  /// photo (its height is the frame's, centred).
  static func faceBox() throws -> (x: Double, y: Double, width: Double, height: Double) {
    let face = try TestPhotos.face("astronaut")
    let scale = Double(height) / Double(face.height)
    let left = (Double(width) - Double(face.width) * scale) / 2
    let b = face.bounds
    return (left + b.x * scale, b.y * scale, b.width * scale, b.height * scale)
  }

  static func mouthBox() throws -> (x: Double, y: Double, width: Double, height: Double) {
    let face = try TestPhotos.face("astronaut")
    let scale = Double(height) / Double(face.height)
    let left = (Double(width) - Double(face.width) * scale) / 2
    let lips = FaceMeshIndices.upperOuterLip + FaceMeshIndices.lowerOuterLip
    let xs = lips.map { face.points[$0].x * scale + left }
    let ys = lips.map { face.points[$0].y * scale }
    return (xs.min()! - 4, ys.min()! - 4, xs.max()! - xs.min()! + 8, ys.max()! - ys.min()! + 20)
  }

  /// Mean absolute luma difference of two frames over the pixels `inside` picks.
  static func difference(_ a: [UInt8], _ b: [UInt8], where inside: (Int, Int) -> Bool) -> Double {
    var sum = 0
    var count = 0
    for y in 0..<height {
      for x in 0..<width where inside(x, y) {
        sum += abs(Int(a[y * width + x]) - Int(b[y * width + x]))
        count += 1
      }
    }
    return count == 0 ? 0 : Double(sum) / Double(count)
  }

  @Test("the mouth moves while speaking, rests in silence, and the picture outside the face stays")
  func mouthMovesAndTheRestStays() async throws {
    let scratch = try ScratchFolder()
    let output = scratch.file("photo.mp4")
    _ = try await VideoRenderer(
      media: PhotoMedia(local: LocalMediaResolver(scratchDirectory: scratch.path))
    ).render(Self.request(), to: output)
    // Kept for people to watch beside the contact sheets.
    let kept = TestPhotos.artefact("talking-photo-astronaut.mp4")
    try? FileManager.default.removeItem(atPath: kept)
    try? FileManager.default.copyItem(atPath: output, toPath: kept)
    let frames = try await MediaProbe.frames(output, width: Self.width, height: Self.height)
    #expect(frames.count > 60)
    let face = try Self.faceBox()
    let mouth = try Self.mouthBox()
    // Well outside the face (the mesh's ring is 1.35 face widths across): untouched.
    let centreX = face.x + face.width / 2
    let centreY = face.y + face.height / 2
    func outside(_ x: Int, _ y: Int) -> Bool {
      abs(Double(x) - centreX) > face.width * 0.9 || abs(Double(y) - centreY) > face.height * 0.9
    }
    func inMouth(_ x: Int, _ y: Int) -> Bool {
      Double(x) >= mouth.x && Double(x) < mouth.x + mouth.width && Double(y) >= mouth.y
        && Double(y) < mouth.y + mouth.height
    }
    let first = frames[0]
    let outsideChange = frames.map { Self.difference($0, first, where: outside) }.max() ?? 0
    #expect(outsideChange < 0.6, "the picture outside the face changed by \(outsideChange)")
    // Silent second: the mouth is the photo's; speaking: it opens, closes and changes shape.
    let silent = frames[2..<23].map { Self.difference($0, first, where: inMouth) }
    let voiced = frames[30...].map { Self.difference($0, first, where: inMouth) }
    #expect(silent.max()! < 2.5, "silent mouth changed by \(silent.max()!)")
    #expect(voiced.max()! > 12, "speaking mouth changed by only \(voiced.max()!)")
    #expect(voiced.filter { $0 > 6 }.count > 10)
  }

  @Test("the thumbnail is the video's frame at one second and the GIF its first seconds")
  func previewsShowTheVideosFrames() async throws {
    let scratch = try ScratchFolder()
    let video = try await VideoRenderer(
      media: PhotoMedia(local: LocalMediaResolver(scratchDirectory: scratch.path))
    ).render(Self.request(), to: scratch.file("photo.mp4"))
    let frames = try await MediaProbe.frames(
      video.videoPath, width: Self.width, height: Self.height)
    let thumbnail = try #require(
      try await MediaProbe.frames(video.thumbnailPath, width: Self.width, height: Self.height)
        .first)
    // JPEG's and H.264's losses keep the thumbnail a few levels from any decoded frame;
    // within that, it is as close to the frame at one second as to any, and far from the
    // frames where the mouth is open.
    let face = try Self.faceBox()
    func inFace(_ x: Int, _ y: Int) -> Bool {
      Double(x) >= face.x && Double(x) < face.x + face.width && Double(y) >= face.y
        && Double(y) < face.y + face.height
    }
    let distances = frames.map { Self.difference(thumbnail, $0, where: inFace) }
    let nearest = try #require(distances.min())
    let farthest = try #require(distances.max())
    #expect(distances[25] < 5 && distances[25] <= nearest + 0.5, "\(distances[25]), \(nearest)")
    #expect(farthest > 2 * distances[25], "no frame differs from the thumbnail")
    func meanDifference(_ a: [UInt8], _ b: [UInt8]) -> Double {
      Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(a.count)
    }
    let gif = try #require(try await MediaProbe.streams(video.gifPath).first)
    #expect(gif.codecName == "gif" && gif.width == 480 && gif.height == 270)
    let gifFrames = try await MediaProbe.frames(video.gifPath, width: 480, height: 270)
    #expect(gifFrames.count == Int((min(5, video.duration) * 10).rounded()))
    let firstScaled = try #require(
      try await MediaProbe.frames(video.videoPath, width: 480, height: 270, scale: "480:270").first)
    // A 128-colour palette with dithering: close on average, not exact.
    #expect(meanDifference(gifFrames[0], firstScaled) < 8)
  }

  @Test("the circle style cuts the photo to a circle on its colour")
  func circleStyle() async throws {
    let scratch = try ScratchFolder()
    let output = scratch.file("circle.mp4")
    var request = Self.request(style: "circle")
    request.videoInputs = [request.videoInputs[1]]
    for i in request.videoInputs.indices {
      if case .talkingPhoto(var photo) = request.videoInputs[i].character {
        photo.circleBackgroundColor = "#FF0000"
        request.videoInputs[i].character = .talkingPhoto(photo)
      }
    }
    _ = try await VideoRenderer(
      media: PhotoMedia(local: LocalMediaResolver(scratchDirectory: scratch.path))
    ).render(request, to: output)
    let frames = try await MediaProbe.frames(
      output, width: Self.width, height: Self.height, pixelFormat: "rgb24")
    let frame = try #require(frames.first)
    func pixel(_ x: Int, _ y: Int) -> (Int, Int, Int) {
      let i = (y * Self.width + x) * 3
      return (Int(frame[i]), Int(frame[i + 1]), Int(frame[i + 2]))
    }
    // The frame's corner is the default backdrop; inside the circle's edge, red shows where the
    // photo does not reach (the circle is cut around the face), and the centre is the face.
    let corner = pixel(5, 5)
    #expect(abs(corner.0 - 0xf6) < 8 && abs(corner.2 - 0xfc) < 8, "\(corner)")
    let centre = pixel(Self.width / 2, Self.height / 2)
    #expect(!(centre.0 > 200 && centre.1 < 60), "the face is missing: \(centre)")
  }
}
