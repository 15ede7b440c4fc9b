#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An IP address as its network-order bytes (4 for IPv4, 16 for IPv6), parsed by `inet_pton`
/// so that every spelling of one address (`::127.0.0.1`, `::7f00:1`, `0:0::7f00:0001`) is the
/// same value and range checks compare bits, never text.
struct IPAddress: Hashable, Sendable, CustomStringConvertible {
  let bytes: [UInt8]

  /// Parses a numeric IPv4 or IPv6 address; brackets and an IPv6 zone (`%eth0`) are ignored.
  /// Nil for anything else, host names included.
  init?(_ text: String) {
    var bare = Substring(text)
    if bare.hasPrefix("["), bare.hasSuffix("]") { bare = bare.dropFirst().dropLast() }
    if let zone = bare.firstIndex(of: "%") { bare = bare[..<zone] }
    var v4 = in_addr()
    var v6 = in6_addr()
    if inet_pton(AF_INET, String(bare), &v4) == 1 {
      bytes = withUnsafeBytes(of: &v4) { Array($0) }
    } else if inet_pton(AF_INET6, String(bare), &v6) == 1 {
      bytes = withUnsafeBytes(of: &v6) { Array($0) }
    } else {
      return nil
    }
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// The IPv4 address in bytes 2...5 of a 6to4 address (`2002:AABB:CCDD::/48`).
  var sixToFourEmbedded: IPAddress? {
    bytes.count == 16 && bytes[0] == 0x20 && bytes[1] == 0x02
      ? IPAddress(bytes: Array(bytes[2..<6])) : nil
  }

  var description: String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    let family = bytes.count == 4 ? AF_INET : AF_INET6
    let written = bytes.withUnsafeBytes {
      inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count))
    }
    guard written != nil else { return "?" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// A CIDR block of one address family, named for the reason it is not the public internet.
struct AddressRange: Sendable, CustomStringConvertible {
  let prefix: IPAddress
  let length: Int
  let purpose: String

  init(_ cidr: String, _ purpose: String) {
    let parts = cidr.split(separator: "/")
    guard parts.count == 2, let prefix = IPAddress(String(parts[0])), let length = Int(parts[1])
    else { preconditionFailure("bad CIDR literal \(cidr)") }
    self.prefix = prefix
    self.length = length
    self.purpose = purpose
  }

  func contains(_ address: IPAddress) -> Bool {
    guard address.bytes.count == prefix.bytes.count else { return false }
    let whole = length / 8
    guard address.bytes[..<whole] == prefix.bytes[..<whole] else { return false }
    let rest = length % 8
    guard rest > 0 else { return true }
    let mask = UInt8(0xFF) << (8 - rest)
    return address.bytes[whole] & mask == prefix.bytes[whole] & mask
  }

  var description: String { "\(prefix)/\(length) (\(purpose))" }
}

/// Which addresses outbound fetches may reach: none of the special-purpose ranges of the IANA
/// registries (RFC 6890 and successors), so a request cannot make the server read its own
/// network, a neighbour's, or a translator's path back into one.
enum AddressPolicy {
  static let ipv4Reserved: [AddressRange] = [
    .init("0.0.0.0/8", "this network"),
    .init("10.0.0.0/8", "private"),
    .init("100.64.0.0/10", "shared address space (CGNAT)"),
    .init("127.0.0.0/8", "loopback"),
    .init("169.254.0.0/16", "link-local"),
    .init("172.16.0.0/12", "private"),
    .init("192.0.0.0/24", "IETF protocol assignments"),
    .init("192.0.2.0/24", "documentation (TEST-NET-1)"),
    .init("192.88.99.0/24", "6to4 relay anycast"),
    .init("192.168.0.0/16", "private"),
    .init("198.18.0.0/15", "benchmarking"),
    .init("198.51.100.0/24", "documentation (TEST-NET-2)"),
    .init("203.0.113.0/24", "documentation (TEST-NET-3)"),
    .init("224.0.0.0/4", "multicast"),
    .init("240.0.0.0/4", "reserved"),
    .init("255.255.255.255/32", "limited broadcast"),
  ]

  /// Most specific first, so the range reported is the one that explains the refusal.
  static let ipv6Reserved: [AddressRange] = [
    .init("::/128", "unspecified"),
    .init("::1/128", "loopback"),
    .init("::ffff:0:0/96", "IPv4-mapped"),
    .init("::ffff:0:0:0/96", "IPv4-translated"),
    .init("::/96", "IPv4-compatible"),
    .init("64:ff9b::/96", "NAT64"),
    .init("64:ff9b:1::/48", "local-use NAT64"),
    .init("100::/64", "discard-only"),
    .init("2001::/32", "Teredo"),
    .init("2001::/23", "IETF protocol assignments"),
    .init("2001:db8::/32", "documentation"),
    .init("3fff::/20", "documentation"),
    .init("5f00::/16", "segment routing (SRv6) SIDs"),
    .init("fc00::/7", "unique local"),
    .init("fe80::/10", "link-local"),
    .init("fec0::/10", "site-local"),
    .init("ff00::/8", "multicast"),
  ]

  /// The special-purpose range `address` is in, or nil for a public address. A 6to4 address
  /// (`2002::/16`) is as public as the IPv4 address it carries.
  static func reservedRange(of address: IPAddress) -> AddressRange? {
    if let embedded = address.sixToFourEmbedded {
      return reservedRange(of: embedded).map {
        AddressRange("2002::/16", "6to4 carrying \($0.purpose) IPv4")
      }
    }
    let ranges = address.bytes.count == 4 ? ipv4Reserved : ipv6Reserved
    return ranges.first { $0.contains(address) }
  }

  /// True for an address that is not on the public internet, and for text that is not an
  /// address at all (refusing is the safe answer to something unexpected).
  static func isPrivate(_ address: String) -> Bool {
    guard let parsed = IPAddress(address) else { return true }
    return reservedRange(of: parsed) != nil
  }
}
