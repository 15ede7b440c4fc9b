import Foundation

/// A link to one file of the media store, as Orator hands it out and reads it back:
/// `<base>/media/<relative path>?expires=<unix seconds>&signature=<hex>`. The one place that
/// knows the shape of media links: the API server signs them, serves them and recognises its
/// own in requests; remote workers recognise them to fetch through the server.
public struct SignedMediaURL: Sendable, Equatable {
  /// The path every media link starts with, after the server's base URL.
  public static let pathPrefix = "/media/"

  /// The file's path inside the media store (`<account>/<video>/a<n>/video.mp4`); never
  /// contains `..`.
  public var relativePath: String
  public var expires: String
  public var signature: String

  /// The URL path the signature covers.
  public var urlPath: String { Self.pathPrefix + relativePath }

  /// A freshly signed absolute link to `relativePath`, valid for `lifetime` from `now`.
  public static func link(
    to relativePath: String, base: String, signer: MediaURLSigner, now: Date, lifetime: Duration
  ) -> String {
    base + signer.sign(path: pathPrefix + relativePath, now: now, lifetime: lifetime)
  }

  /// Reads a request's path and query values; nil unless the path is a media path with no
  /// `..` segment.
  public init?(path: String, expires: String?, signature: String?) {
    guard path.hasPrefix(Self.pathPrefix) else { return nil }
    let relative = String(path.dropFirst(Self.pathPrefix.count))
    guard !relative.isEmpty, !relative.split(separator: "/").contains("..") else { return nil }
    relativePath = relative
    self.expires = expires ?? ""
    self.signature = signature ?? ""
  }

  /// Reads a whole link; nil unless it is a media link of the server at `base`.
  public init?(url: String, base: String) {
    guard url.hasPrefix(base + Self.pathPrefix),
      let components = URLComponents(string: String(url.dropFirst(base.count)))
    else { return nil }
    let items = components.queryItems ?? []
    self.init(
      path: components.path, expires: items.first(where: { $0.name == "expires" })?.value,
      signature: items.first(where: { $0.name == "signature" })?.value)
  }

  /// Whether Orator signed this link and it has not expired.
  public func check(with signer: MediaURLSigner, now: Date) -> MediaURLCheck {
    signer.verify(path: urlPath, expires: expires, signature: signature, now: now)
  }

  /// The link without the base URL: what a remote worker asks the server for.
  public var pathAndQuery: String {
    "\(urlPath)?expires=\(expires)&signature=\(signature)"
  }

  /// The account and video of a rendered video's file (`<account>/<video>/a<n>/<file>`, or
  /// `<account>/<video>/<file>` for videos made before attempts had folders); nil for other
  /// files (uploaded assets, previews).
  public var videoFile: (account: String, video: String)? {
    let parts = relativePath.split(separator: "/")
    let inAttemptFolder =
      parts.count == 4 && parts[2].first == "a" && Int64(parts[2].dropFirst()) != nil
    guard parts.count == 3 || inAttemptFolder, parts[1] != "assets" else { return nil }
    return (String(parts[0]), String(parts[1]))
  }
}
