#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Looks up the addresses of a host name. The outbound fetcher asks once per request and
/// connects to what it was told, so a test can stand in for a DNS server that changes its
/// answer between two lookups.
public protocol HostResolver: Sendable {
  /// The addresses `host` resolves to, as numeric text, in the resolver's order; empty when
  /// it does not resolve.
  func addresses(of host: String) async -> [String]
}

/// The system's resolver (`getaddrinfo`: `/etc/hosts`, then DNS).
public struct SystemHostResolver: HostResolver {
  public init() {}

  public func addresses(of host: String) async -> [String] {
    // getaddrinfo blocks; off the caller's executor so a slow DNS server stalls only this.
    await Task.detached {
      var hints = addrinfo()
      hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
      var result: UnsafeMutablePointer<addrinfo>?
      guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
      defer { freeaddrinfo(first) }
      var addresses: [String] = []
      var cursor: UnsafeMutablePointer<addrinfo>? = first
      while let info = cursor {
        var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        if getnameinfo(
          info.pointee.ai_addr, info.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0,
          NI_NUMERICHOST) == 0
        {
          let text = String(
            decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
          if !addresses.contains(text) { addresses.append(text) }
        }
        cursor = info.pointee.ai_next
      }
      return addresses
    }.value
  }
}
