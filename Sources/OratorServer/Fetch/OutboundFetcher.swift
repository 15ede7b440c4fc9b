import AsyncHTTPClient
import Foundation
import NIOCore
import OratorCore

/// Fetches the pictures, videos and audio that requests name by URL: http(s) only, public
/// addresses only (unless allowed), with a size and a time limit.
public struct OutboundFetcher: Sendable {
  public var allowPrivateAddresses: Bool
  public var maxBytes: Int
  public var timeout: Duration

  /// The client for every outbound request (fetches, webhook probes and deliveries): a refused
  /// or unreachable host fails after one try (10 s at most) instead of being retried until the
  /// whole deadline, so a bad URL fails fast. It never follows a redirect on its own, because
  /// the address rule must hold for every hop: `download` follows them itself, checking each.
  private static let noRedirectClient: HTTPClient = {
    var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
    configuration.timeout.connect = .seconds(10)
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }()

  /// Redirects a download follows before giving up.
  static let maxRedirects = 5

  public init(allowPrivateAddresses: Bool, maxBytes: Int, timeout: Duration) {
    self.allowPrivateAddresses = allowPrivateAddresses
    self.maxBytes = maxBytes
    self.timeout = timeout
  }

  /// Refuses a URL that cannot be fetched at all: not http(s), no host, a host that does not
  /// resolve, or one that resolves to a private address. Checked when a request is submitted.
  public func check(_ url: String, field: String) async throws(InvalidField) {
    guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty
    else {
      throw InvalidField(path: field, message: "must be an http or https URL, got \"\(url)\"")
    }
    let addresses = await AddressPolicy.resolve(host)
    guard !addresses.isEmpty else {
      throw InvalidField(path: field, message: "host \"\(host)\" does not resolve")
    }
    if !allowPrivateAddresses, let address = addresses.first(where: AddressPolicy.isPrivate) {
      throw InvalidField(
        path: field,
        message:
          "\"\(host)\" resolves to a private address (\(address)); only public URLs can be fetched")
    }
  }

  /// Sends `request` once its URL passes `check`, without following a redirect: the answer is
  /// the URL's own. Every outbound request goes through here. Throws `InvalidField` when the
  /// URL is refused, the client's error when it cannot be reached in time.
  public func send(_ request: HTTPClientRequest, field: String, deadline: NIODeadline)
    async throws -> HTTPClientResponse
  {
    try await check(request.url, field: field)
    return try await Self.noRedirectClient.execute(request, deadline: deadline)
  }

  /// Downloads `url` to `path`, stopping at the size limit or the timeout. Redirects are
  /// followed (up to `maxRedirects`), each target checked against the address rule.
  public func download(_ url: String, to path: String, field: String) async throws(InvalidField) {
    let deadline = NIODeadline.now() + .seconds(timeout.components.seconds)
    do {
      var current = url
      var response: HTTPClientResponse
      var redirects = 0
      while true {
        response = try await send(HTTPClientRequest(url: current), field: field, deadline: deadline)
        guard (300..<400).contains(Int(response.status.code)),
          let location = response.headers.first(name: "location")
        else { break }
        _ = try? await response.body.collect(upTo: 64 << 10)
        guard redirects < Self.maxRedirects,
          let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString
        else {
          throw InvalidField(path: field, message: "\"\(url)\" redirects too many times")
        }
        redirects += 1
        current = next
      }
      guard (200..<300).contains(Int(response.status.code)) else {
        throw InvalidField(
          path: field, message: "fetching \"\(url)\" answered HTTP \(response.status.code)")
      }
      if let length = response.headers.first(name: "content-length").flatMap(Int.init),
        length > maxBytes
      {
        throw InvalidField(path: field, message: "\"\(url)\" is larger than \(maxBytes >> 20) MB")
      }
      guard FileManager.default.createFile(atPath: path, contents: nil),
        let handle = FileHandle(forWritingAtPath: path)
      else {
        throw InvalidField(path: field, message: "cannot store the download of \"\(url)\"")
      }
      defer { try? handle.close() }
      var received = 0
      for try await chunk in response.body {
        received += chunk.readableBytes
        if received > maxBytes {
          throw InvalidField(path: field, message: "\"\(url)\" is larger than \(maxBytes >> 20) MB")
        }
        try handle.write(contentsOf: Data(chunk.readableBytesView))
      }
    } catch let error as InvalidField {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw InvalidField(path: field, message: "cannot fetch \"\(url)\": \(error)")
    }
  }
}
