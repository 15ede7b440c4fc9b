import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Which addresses outbound fetches may reach. Private, loopback, link-local and other
/// non-public ranges are refused so a request cannot make the server read its own network.
enum AddressPolicy {
  /// Resolves `host` and returns its addresses as text; empty when it does not resolve.
  static func resolve(_ host: String) async -> [String] {
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
          addresses.append(
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
          )
        }
        cursor = info.pointee.ai_next
      }
      return addresses
    }.value
  }

  /// True for addresses that are not on the public internet.
  static func isPrivate(_ address: String) -> Bool {
    if address.contains(":") { return isPrivateIPv6(address.lowercased()) }
    let parts = address.split(separator: ".").compactMap { UInt8($0) }
    guard parts.count == 4 else { return true }
    switch (parts[0], parts[1]) {
    case (0, _), (10, _), (127, _): return true
    case (169, 254): return true
    case (172, 16...31): return true
    case (192, 168): return true
    case (100, 64...127): return true
    case (224...255, _): return true
    default: return false
    }
  }

  private static func isPrivateIPv6(_ address: String) -> Bool {
    let bare = address.split(separator: "%").first.map(String.init) ?? address
    if bare == "::1" || bare == "::" { return true }
    if bare.hasPrefix("::ffff:") { return isPrivate(String(bare.dropFirst(7))) }
    if bare.hasPrefix("fc") || bare.hasPrefix("fd") { return true }
    if bare.hasPrefix("fe8") || bare.hasPrefix("fe9") || bare.hasPrefix("fea")
      || bare.hasPrefix("feb")
    {
      return true
    }
    if bare.hasPrefix("ff") { return true }
    return false
  }
}
