import Foundation
import OratorCore
import Testing

@Suite("MediaURLSigner")
struct MediaURLSignerTests {
  let signer = MediaURLSigner(secret: Array("a secret of at least thirty-two bytes".utf8))
  let now = Date(unixSeconds: 1_700_000_000)
  let path = "/media/0123456789abcdef0123456789abcdef/video.mp4"

  /// Splits a signed URL into what a request handler gets: the path and two query values.
  func parts(_ url: String) throws -> (path: String, expires: String, signature: String) {
    let components = try #require(URLComponents(string: url))
    let items = components.queryItems ?? []
    let expires = try #require(items.first { $0.name == "expires" }?.value)
    let signature = try #require(items.first { $0.name == "signature" }?.value)
    return (components.path, expires, signature)
  }

  @Test func signedURLIsValidUntilItExpires() throws {
    let url = signer.sign(path: path, now: now)
    let (signedPath, expires, signature) = try parts(url)
    #expect(signedPath == path)
    #expect(expires == String(now.unixSeconds + 7 * 24 * 3600))
    #expect(signature.count == 64)
    #expect(signer.verify(path: path, expires: expires, signature: signature, now: now) == .valid)
    let lastSecond = now.addingTimeInterval(7 * 24 * 3600 - 1)
    #expect(
      signer.verify(path: path, expires: expires, signature: signature, now: lastSecond) == .valid)
  }

  @Test func expiredURLIsRefused() throws {
    let url = signer.sign(path: path, expiresAt: now.addingTimeInterval(60))
    let (_, expires, signature) = try parts(url)
    let later = now.addingTimeInterval(60)
    #expect(
      signer.verify(path: path, expires: expires, signature: signature, now: later) == .expired)
  }

  @Test func tamperedPathIsRefused() throws {
    let (_, expires, signature) = try parts(signer.sign(path: path, now: now))
    let other = path.replacingOccurrences(of: "video.mp4", with: "thumbnail.jpg")
    #expect(
      signer.verify(path: other, expires: expires, signature: signature, now: now) == .tampered)
  }

  @Test func tamperedSignatureOrExpiryIsRefused() throws {
    let (_, expires, signature) = try parts(signer.sign(path: path, now: now))
    let flipped = String(signature.dropLast()) + (signature.hasSuffix("0") ? "1" : "0")
    #expect(signer.verify(path: path, expires: expires, signature: flipped, now: now) == .tampered)
    #expect(signer.verify(path: path, expires: expires, signature: "zz", now: now) == .tampered)
    #expect(signer.verify(path: path, expires: expires, signature: "", now: now) == .tampered)
    let extended = String(Int(expires)! + 3600)
    #expect(
      signer.verify(path: path, expires: extended, signature: signature, now: now) == .tampered)
    #expect(
      signer.verify(path: path, expires: "+" + expires, signature: signature, now: now) == .tampered
    )
  }

  @Test func forgedExpiredURLIsTamperedNotExpired() throws {
    let (_, expires, signature) = try parts(signer.sign(path: path, expiresAt: now))
    let otherSigner = MediaURLSigner(secret: Array("another secret entirely, 32 bytes".utf8))
    let later = now.addingTimeInterval(10)
    #expect(
      otherSigner.verify(path: path, expires: expires, signature: signature, now: later)
        == .tampered)
  }
}
