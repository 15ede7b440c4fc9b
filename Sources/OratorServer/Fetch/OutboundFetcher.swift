import AsyncHTTPClient
import Foundation
import NIOCore
import OratorCore

/// Fetches the pictures, videos and audio that requests name by URL, and sends every other
/// outbound request (webhook probes and deliveries, callbacks): http(s) only, public addresses
/// only (unless allowed), with a size and a time limit.
///
/// The host is resolved once per request and the connection goes to the very address that
/// passed the check. A name that answers a public address to the check and a loopback one to
/// a second lookup (DNS rebinding) therefore never reaches the loopback address.
public struct OutboundFetcher: Sendable {
  public var allowPrivateAddresses: Bool
  public var maxBytes: Int
  public var timeout: Duration
  var resolver: any HostResolver

  /// A refused or unreachable host fails after one try (10 s at most) instead of being
  /// retried until the whole deadline, so a bad URL fails fast. Redirects are never followed
  /// by the client, because the address rule must hold for every hop: `download` follows
  /// them itself, checking each.
  private static let clientConfiguration: HTTPClient.Configuration = {
    var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
    configuration.timeout.connect = .seconds(10)
    configuration.connectionPool.retryConnectionEstablishment = false
    return configuration
  }()

  /// Redirects a download follows before giving up.
  static let maxRedirects = 5

  /// How much of an answer `send` keeps: its callers read the status, not the body.
  static let sentAnswerBytes = 64 << 10

  public init(allowPrivateAddresses: Bool, maxBytes: Int, timeout: Duration) {
    self.init(
      allowPrivateAddresses: allowPrivateAddresses, maxBytes: maxBytes, timeout: timeout,
      resolver: SystemHostResolver())
  }

  init(allowPrivateAddresses: Bool, maxBytes: Int, timeout: Duration, resolver: any HostResolver) {
    self.allowPrivateAddresses = allowPrivateAddresses
    self.maxBytes = maxBytes
    self.timeout = timeout
    self.resolver = resolver
  }

  /// Refuses a URL that cannot be fetched at all: not http(s), no host, a host that does not
  /// resolve, or one that resolves to a private or reserved address. Checked when a request
  /// is submitted; `send` and `download` check again at the moment they connect.
  public func check(_ url: String, field: String) async throws(InvalidField) {
    _ = try await destination(of: url, field: field)
  }

  /// Where a request to `url` connects: the URL's host name and the checked address to pin it
  /// to (nil when the host is an address already, which no lookup can change).
  struct Destination: Equatable {
    var host: String
    var pinnedAddress: String?
  }

  func destination(of url: String, field: String) async throws(InvalidField) -> Destination {
    guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(),
      scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty
    else {
      throw InvalidField(path: field, message: "must be an http or https URL, got \"\(url)\"")
    }
    // The same spelling AsyncHTTPClient keys its DNS override by: the URL's host, unbracketed.
    let bare =
      host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    if let literal = IPAddress(bare) {
      guard allowPrivateAddresses || AddressPolicy.reservedRange(of: literal) == nil else {
        throw InvalidField(
          path: field,
          message: "\"\(host)\" is a private or reserved address; only public URLs can be fetched")
      }
      return Destination(host: bare, pinnedAddress: nil)
    }
    let addresses = await resolver.addresses(of: bare)
    guard !addresses.isEmpty else {
      throw InvalidField(path: field, message: "host \"\(host)\" does not resolve")
    }
    // One private answer refuses the name: which address a connection would get is the
    // resolver's choice, and the message never says which one it was.
    guard allowPrivateAddresses || !addresses.contains(where: AddressPolicy.isPrivate) else {
      throw InvalidField(
        path: field,
        message:
          "host \"\(host)\" resolves to a private or reserved address; only public URLs can be fetched"
      )
    }
    return Destination(host: bare, pinnedAddress: Self.preferred(addresses))
  }

  /// IPv4 first: a server with an IPv6 address in DNS but no IPv6 route is common, and a
  /// pinned connection has no second address to fall back to.
  static func preferred(_ addresses: [String]) -> String {
    addresses.first { IPAddress($0)?.bytes.count == 4 } ?? addresses[0]
  }

  /// Sends `request` once its URL passes the check, to the address that passed it, without
  /// following a redirect: the answer is the URL's own, its body cut to `sentAnswerBytes`.
  /// Every outbound request that is not a download goes through here. Throws `InvalidField`
  /// when the URL is refused, `OutboundFailure` when it cannot be reached in time.
  public func send(_ request: HTTPClientRequest, field: String, deadline: NIODeadline)
    async throws -> HTTPClientResponse
  {
    try await exchange(request, field: field, deadline: deadline) { response in
      var kept = ByteBuffer()
      do {
        for try await chunk in response.body {
          let room = Self.sentAnswerBytes - kept.readableBytes
          kept.writeImmutableBuffer(
            chunk.getSlice(at: chunk.readerIndex, length: min(chunk.readableBytes, room))
              ?? ByteBuffer())
          // The rest is not read: the connection closes with this exchange's client.
          if chunk.readableBytes >= room { break }
        }
      } catch {
        // The status has arrived and is the answer; a body cut short does not undo it.
      }
      return HTTPClientResponse(
        version: response.version, status: response.status, headers: response.headers,
        body: .bytes(kept))
    }
  }

  /// The HTTP status `url` answers an `OPTIONS` request with (HeyGen's check of a webhook
  /// receiver), under the same rules as `send`, within `timeout`.
  public func optionsStatus(_ url: String, field: String, timeout: Duration) async throws -> UInt {
    var probe = HTTPClientRequest(url: url)
    probe.method = .OPTIONS
    let milliseconds =
      timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
    let response = try await send(
      probe, field: field, deadline: .now() + .milliseconds(milliseconds))
    return response.status.code
  }

  /// Sends `request` to the checked address of its host and hands the answer to `read`; the
  /// connection lives until `read` returns. One client per request: the pinned address is
  /// part of a client's configuration, and a connection made for one check must not be
  /// reused by a request whose host has since been checked again.
  func exchange<Value: Sendable>(
    _ request: HTTPClientRequest, field: String, deadline: NIODeadline,
    _ read: (HTTPClientResponse) async throws -> Value
  ) async throws -> Value {
    let destination = try await destination(of: request.url, field: field)
    var configuration = Self.clientConfiguration
    if let address = destination.pinnedAddress {
      // TLS still checks the certificate against (and sends SNI for) the host name.
      configuration.dnsOverride = [destination.host: address]
    }
    let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    let result: Result<Value, any Error>
    do {
      let response = try await client.execute(request, deadline: deadline)
      result = .success(try await read(response))
    } catch let refused as InvalidField {
      result = .failure(refused)
    } catch {
      result = .failure(OutboundFailure(error))
    }
    try? await client.shutdown()
    return try result.get()
  }

  /// Downloads `url` to `path`, stopping at the size limit or the timeout. Redirects are
  /// followed (up to `maxRedirects`), each hop checked and pinned like the first.
  public func download(_ url: String, to path: String, field: String) async throws(InvalidField) {
    let deadline = NIODeadline.now() + .seconds(timeout.components.seconds)
    do {
      var current = url
      var redirects = 0
      while let next = try await exchange(
        HTTPClientRequest(url: current), field: field, deadline: deadline,
        { response in try await save(response, from: current, url: url, to: path, field: field) })
      {
        guard redirects < Self.maxRedirects else {
          throw InvalidField(path: field, message: "\"\(url)\" redirects too many times")
        }
        redirects += 1
        current = next
      }
    } catch let error as InvalidField {
      try? FileManager.default.removeItem(atPath: path)
      throw error
    } catch {
      try? FileManager.default.removeItem(atPath: path)
      throw InvalidField(
        path: field, message: "cannot fetch \"\(url)\": \(OutboundFailure(error).reason)")
    }
  }

  /// Writes a 2xx answer to `path` and returns nil, or returns the target of a redirect.
  private func save(
    _ response: HTTPClientResponse, from current: String, url: String, to path: String,
    field: String
  ) async throws -> String? {
    if (300..<400).contains(Int(response.status.code)),
      let location = response.headers.first(name: "location")
    {
      _ = try? await response.body.collect(upTo: Self.sentAnswerBytes)
      guard let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString
      else {
        throw InvalidField(path: field, message: "\"\(url)\" redirects to an invalid URL")
      }
      return next
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
      do {
        try handle.write(contentsOf: Data(chunk.readableBytesView))
      } catch {
        // The system's message names the file; the user only needs to know it was not kept.
        throw InvalidField(path: field, message: "cannot store the download of \"\(url)\"")
      }
    }
    return nil
  }
}

/// Why an outbound request got no answer, in a few words fit to show the user who named the
/// URL: never a system message, which can carry file names or addresses.
public struct OutboundFailure: Error, Sendable, CustomStringConvertible {
  public let reason: String

  init(_ error: any Error) {
    switch error {
    case let failure as OutboundFailure: reason = failure.reason
    case is CancellationError: reason = "cancelled"
    case let error as HTTPClientError:
      switch error {
      case .connectTimeout: reason = "connecting timed out"
      case .tlsHandshakeTimeout: reason = "the TLS handshake timed out"
      case .deadlineExceeded, .readTimeout, .writeTimeout: reason = "no answer in time"
      case .remoteConnectionClosed: reason = "the server closed the connection"
      case .cancelled: reason = "cancelled"
      case .invalidURL, .emptyHost, .emptyScheme: reason = "not a valid URL"
      default: reason = "the HTTP exchange failed"
      }
    case let error as IOError:
      reason = "cannot connect (\(String(cString: strerror(error.errnoCode))))"
    default:
      // Connection and TLS errors of NIO's transport modules, which this module does not
      // import: their type name says enough.
      let type = String(describing: Swift.type(of: error))
      reason =
        type.contains("SSL") || type.contains("TLS")
        ? "the TLS handshake failed" : "cannot connect"
    }
  }

  public var description: String { reason }
}
