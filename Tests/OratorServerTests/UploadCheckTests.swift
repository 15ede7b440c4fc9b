import Foundation
import Testing

@testable import OratorServer

/// Uploads are decoded before they are kept: a file that is not what its `Content-Type` says
/// is refused with 400 naming the type, and nothing of it stays on disk.
@Suite(.serialized) struct UploadCheckTests {
  static let html = Data(
    "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n".utf8)

  @Test func picturesAreReadFromTheirHeaders() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("image-header-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for ext in ["png", "jpg", "webp"] {
      for (name, extra) in [("lossy", [String]()), ("lossless", ["-lossless", "1"])]
      where ext == "webp" || name == "lossy" {
        let path = folder.appendingPathComponent("\(name).\(ext)").path
        let made = try await Tool.run(
          "ffmpeg",
          ["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=teal:s=320x180", "-frames:v", "1"]
            + (ext == "webp" ? extra : []) + [path])
        try #require(made.status == 0, "\(made.output)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(
          ImageHeader.size(of: bytes, ext: ext) == .init(width: 320, height: 180), "\(name).\(ext)")
        // Another format's name, a cut header, HTML: refused.
        for other in ["png", "jpg", "webp"] where other != ext {
          #expect(ImageHeader.size(of: bytes, ext: other) == nil, "\(ext) read as \(other)")
        }
        #expect(ImageHeader.size(of: Array(bytes.prefix(20)), ext: ext) == nil, "cut \(ext)")
        #expect(ImageHeader.size(of: [UInt8](Self.html), ext: ext) == nil)
      }
    }
    // A PNG whose header checksum does not hold is not a PNG.
    let png = [UInt8](
      try Data(contentsOf: folder.appendingPathComponent("lossy.png")))
    var broken = png
    broken[18] ^= 0x01
    #expect(ImageHeader.size(of: broken, ext: "png") == nil)
    // The signature alone (what was checked before) is not enough.
    #expect(ImageHeader.size(of: Array(png.prefix(8)) + Array(Self.html), ext: "png") == nil)
    #expect(ImageHeader.size(of: [0xFF, 0xD8, 0xFF, 0xE0] + Array(Self.html), ext: "jpg") == nil)
  }

  @Test func filesThatAreNotTheirTypeAreRefusedAndNotKept() async throws {
    try await TestServer.with(workers: 0, allowPrivateURLs: false) { server in
      let mp4 = try await AssetTests.makeFile(
        "green.mp4", in: server, input: "color=c=green:s=320x180:d=1")
      let m4a = try await AssetTests.makeFile(
        "tone.m4a", in: server, input: "sine=frequency=300:duration=1")
      let png = try await AssetTests.makeFile(
        "teal.png", in: server, input: "color=c=teal:s=320x180", extra: ["-frames:v", "1"])
      let fakePNG = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Self.html

      for (body, type) in [
        (Self.html, "video/mp4"), (Self.html, "video/webm"), (Self.html, "video/quicktime"),
        (Self.html, "audio/mpeg"), (Self.html, "audio/wav"), (Self.html, "audio/ogg"),
        (Self.html, "audio/aac"), (Self.html, "audio/mp4"), (fakePNG, "image/png"),
        (png, "video/mp4"), (png, "audio/mpeg"), (mp4, "image/jpeg"),
        // Real media of the wrong kind: an MP4 container with no picture, one with no sound.
        (m4a, "video/mp4"), (mp4, "audio/mp4"),
      ] {
        let answer = try await AssetTests.upload(body, contentType: type, to: server)
        #expect(answer.status == 400, "\(type): \(answer.status) \(answer.text)")
        #expect(answer.json["code"].int == 400175, "\(type): \(answer.text)")
        let message = answer.json["message"].string ?? ""
        #expect(message.contains("\"\(type)\""), "\(type): \(message)")
        #expect(!message.contains(server.dataDirectory.path), "\(type): \(message)")
      }
      // Neither the media folder nor the scratch folder keeps anything of them.
      #expect(Self.files(under: server.dataDirectory.appendingPathComponent("media")).isEmpty)
      #expect(Self.files(under: server.dataDirectory.appendingPathComponent("scratch")).isEmpty)

      // The real thing is stored and served back with its checked type.
      for (body, type) in [(mp4, "video/mp4"), (m4a, "audio/mp4"), (png, "image/png")] {
        let answer = try await AssetTests.upload(body, contentType: type, to: server)
        #expect(answer.status == 200, "\(type): \(answer.text)")
        let stored = try await server.get(
          try #require(answer.json["data"]["url"].string), key: nil)
        #expect(stored.status == 200 && stored.body == body)
        #expect(stored.header("content-type") == type)
        #expect(stored.header("x-content-type-options") == "nosniff")
      }
      #expect(Self.files(under: server.dataDirectory.appendingPathComponent("media")).count == 3)
      #expect(Self.files(under: server.dataDirectory.appendingPathComponent("scratch")).isEmpty)
    }
  }

  static func files(under folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    var files: [String] = []
    while let name = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files.append(name)
      }
    }
    return files
  }
}
