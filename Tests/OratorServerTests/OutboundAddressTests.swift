import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import OratorCore
import Synchronization
import Testing

@testable import OratorServer

/// The outbound address rule: every special-purpose range refused whatever its spelling, and
/// connections made to the very address that passed the check, so a DNS answer that changes
/// between the check and the connection (rebinding) cannot reach a loopback listener.
@Suite struct OutboundAddressTests {
  /// One address inside each refused range and one just outside it.
  static let ranges: [(cidr: String, inside: [String], outside: [String])] = [
    ("0.0.0.0/8", ["0.0.0.0", "0.255.255.255"], ["1.0.0.0"]),
    ("10.0.0.0/8", ["10.0.0.1", "10.255.255.255"], ["9.255.255.255", "11.0.0.0"]),
    ("100.64.0.0/10", ["100.64.0.1", "100.127.255.254"], ["100.63.255.255", "100.128.0.0"]),
    ("127.0.0.0/8", ["127.0.0.1", "127.255.0.1"], ["126.255.255.255", "128.0.0.0"]),
    ("169.254.0.0/16", ["169.254.169.254"], ["169.253.255.255", "169.255.0.0"]),
    ("172.16.0.0/12", ["172.16.0.1", "172.31.255.255"], ["172.15.255.255", "172.32.0.0"]),
    ("192.0.0.0/24", ["192.0.0.8"], ["192.0.1.0", "191.255.255.255"]),
    ("192.0.2.0/24", ["192.0.2.1"], ["192.0.3.0"]),
    ("192.88.99.0/24", ["192.88.99.1"], ["192.88.98.255", "192.88.100.0"]),
    ("192.168.0.0/16", ["192.168.1.1"], ["192.167.255.255", "192.169.0.0"]),
    ("198.18.0.0/15", ["198.18.0.1", "198.19.255.255"], ["198.17.255.255", "198.20.0.0"]),
    ("198.51.100.0/24", ["198.51.100.7"], ["198.51.99.255", "198.51.101.0"]),
    ("203.0.113.0/24", ["203.0.113.9"], ["203.0.112.255", "203.0.114.0"]),
    ("224.0.0.0/4", ["224.0.0.1", "239.255.255.255"], ["223.255.255.255"]),
    ("240.0.0.0/4", ["240.0.0.1", "254.255.255.255"], ["223.255.255.255"]),
    ("255.255.255.255/32", ["255.255.255.255"], ["223.0.0.1"]),
    ("::/128", ["::", "0:0:0:0:0:0:0:0"], ["2606:4700::1"]),
    ("::1/128", ["::1", "0:0::0001"], ["::2:1"]),
    ("::ffff:0:0/96", ["::ffff:127.0.0.1", "::ffff:8.8.8.8", "::ffff:7f00:1"], ["::fffe:0:1"]),
    ("::ffff:0:0:0/96", ["::ffff:0:8.8.8.8"], ["::1:ffff:0:0:1"]),
    ("::/96", ["::127.0.0.1", "::7f00:1", "::8.8.8.8"], ["::1:0:0:1"]),
    ("64:ff9b::/96", ["64:ff9b::7f00:1", "64:ff9b::8.8.8.8"], ["64:ff9b::1:0:0:1"]),
    ("64:ff9b:1::/48", ["64:ff9b:1::1", "64:ff9b:1:ffff::1"], ["64:ff9b:2::1"]),
    ("100::/64", ["100::1", "100::ffff:ffff:ffff:ffff"], ["100:0:0:1::1"]),
    ("2001::/32", ["2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2"], ["2001:1::1:0"]),
    ("2001::/23", ["2001:1::1", "2001:1ff:ffff::1"], ["2001:200::1"]),
    ("2001:db8::/32", ["2001:db8::1", "2001:db8:ffff::1"], ["2001:db9::1", "2001:db7::1"]),
    ("3fff::/20", ["3fff::1", "3fff:fff::1"], ["3fff:1000::1"]),
    ("5f00::/16", ["5f00::1"], ["5f01::1"]),
    ("fc00::/7", ["fc00::1", "fd12:3456::1", "fdff::1"], ["fbff::1", "fe00::1"]),
    ("fe80::/10", ["fe80::1", "febf::1", "fe80::1%lo"], ["fe7f::1"]),
    ("fec0::/10", ["fec0::1", "feff::1"], ["fe7f::1"]),
    ("ff00::/8", ["ff02::1", "ff0e::1"], ["fe7f::1"]),
  ]

  @Test func everySpecialPurposeRangeIsRefusedAndItsNeighboursAreNot() throws {
    for (cidr, inside, outside) in Self.ranges {
      let wanted = AddressRange(cidr, "")
      let range = try #require(
        (AddressPolicy.ipv4Reserved + AddressPolicy.ipv6Reserved).first {
          $0.prefix == wanted.prefix && $0.length == wanted.length
        }, "\(cidr) is not in the policy")
      for text in inside {
        let address = try #require(IPAddress(text), "\(text) does not parse")
        #expect(range.contains(address), "\(text) should be in \(cidr)")
        #expect(AddressPolicy.isPrivate(text), "\(text) (in \(cidr)) should be refused")
      }
      for text in outside {
        let address = try #require(IPAddress(text), "\(text) does not parse")
        #expect(!range.contains(address), "\(text) should not be in \(cidr)")
      }
    }
  }

  @Test func publicAddressesPass() {
    for address in [
      "8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "172.32.0.1", "198.20.0.1",
      "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001:81a::200e", "2001:200::1",
      // 6to4 of a public IPv4 address is as public as that address.
      "2002:808:808::1",
    ] {
      #expect(!AddressPolicy.isPrivate(address), "\(address) should pass")
    }
  }

  @Test func sixToFourIsJudgedByTheIPv4AddressItCarries() throws {
    for (address, carried) in [
      ("2002:7f00:1::1", "loopback"), ("2002:a00:1::", "private"),
      ("2002:a9fe:a9fe::1", "link-local"), ("2002:c612:1::", "benchmarking"),
    ] {
      let parsed = try #require(IPAddress(address))
      let range = try #require(AddressPolicy.reservedRange(of: parsed))
      #expect(range.purpose.contains(carried), "\(address): \(range)")
    }
  }

  @Test func anythingThatIsNotAnAddressIsRefused() {
    for text in ["", "localhost", "127.1", "0x7f.0.0.1", "2130706433", "::g", "1.2.3.4.5"] {
      #expect(IPAddress(text) == nil, "\(text) parsed")
      #expect(AddressPolicy.isPrivate(text), "\(text) should be refused")
    }
  }

  @Test func literalAddressesInURLsAreRefusedWhateverTheirSpelling() async throws {
    let fetcher = Self.fetcher(allowPrivate: false, resolver: FixedResolver([:]))
    for url in [
      "http://[::127.0.0.1]/", "http://[::ffff:127.0.0.1]:8080/x", "http://[64:ff9b::7f00:1]/",
      "http://198.18.0.1/", "http://100.64.0.1/", "http://[fd00::1]/", "http://[2002:7f00:1::]/",
      "http://[::1]/", "http://0.0.0.0/",
    ] {
      do {
        try await fetcher.check(url, field: "url")
        Issue.record("\(url) passed")
      } catch {
        #expect(error.message.contains("is a private or reserved address"), "\(url): \(error)")
      }
    }
  }

  @Test func refusalsNameTheHostNeverTheAddress() async throws {
    let fetcher = Self.fetcher(
      allowPrivate: false,
      resolver: FixedResolver(["intranet.example": ["93.184.215.14", "10.20.30.40"]]))
    do {
      try await fetcher.check("http://intranet.example/status", field: "callback_url")
      Issue.record("a name with a private address passed")
    } catch {
      #expect(error.path == "callback_url")
      #expect(
        error.message
          == "host \"intranet.example\" resolves to a private or reserved address; only public URLs can be fetched"
      )
      #expect(!error.description.contains("10.20.30.40"))
    }
  }

  // MARK: Pinning

  @Test func aRebindingNameNeverReachesTheLoopbackListener() async throws {
    let listener = await CountingListener()
    defer { Task { await listener.stop() } }
    // Public to the first lookup, loopback to every later one. "localhost" is a name the
    // system itself resolves to loopback: a connection that looked the name up again would
    // reach the listener.
    let url = "http://localhost:\(listener.port)/hit"
    for attempt in ["send", "download"] {
      let resolver = RebindingResolver(first: "93.184.215.14", then: "127.0.0.1")
      let fetcher = Self.fetcher(allowPrivate: false, resolver: resolver)
      // The first request passes the check and goes to the public address (which does not
      // answer in time here); the second sees the loopback answer and is refused.
      for _ in 0..<2 {
        if attempt == "send" {
          _ = try? await fetcher.send(
            HTTPClientRequest(url: url), field: "url", deadline: .now() + .seconds(2))
        } else {
          let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("rebind-\(UUID().uuidString)").path
          try? await fetcher.download(url, to: path, field: "url")
          #expect(!FileManager.default.fileExists(atPath: path))
        }
      }
      #expect(resolver.lookups == 2, "\(attempt): one lookup per request")
      #expect(listener.hits == 0, "\(attempt) reached the loopback listener")
    }
  }

  @Test func theCheckedAddressIsTheOneConnectedTo() async throws {
    let listener = await CountingListener()
    defer { Task { await listener.stop() } }
    // A name only this resolver knows: the connection can only have used its answer.
    let fetcher = Self.fetcher(
      allowPrivate: true,
      resolver: FixedResolver([
        "pinned.invalid": ["127.0.0.1"], "second-hop.invalid": ["127.0.0.1"],
      ]), timeout: .seconds(60))
    let response = try await fetcher.send(
      HTTPClientRequest(url: "http://pinned.invalid:\(listener.port)/hit"), field: "url",
      deadline: .now() + .seconds(60))
    #expect(response.status.code == 200)
    #expect(listener.hits == 1)
    // The request still names its host: virtual hosts (and TLS, by SNI) see the name.
    #expect(listener.hosts == ["pinned.invalid:\(listener.port)"])

    // Each redirect hop is resolved, checked and pinned in turn.
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("pinned-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let target = "http://second-hop.invalid:\(listener.port)/hit"
    try await fetcher.download(
      "http://pinned.invalid:\(listener.port)/redirect?to=\(target)", to: path, field: "url")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "hit")
    #expect(listener.hosts.last == "second-hop.invalid:\(listener.port)")
  }

  @Test func fetchFailuresSayWhatWentWrongWithoutServerPaths() async throws {
    let listener = await CountingListener()
    defer { Task { await listener.stop() } }
    let fetcher = Self.fetcher(allowPrivate: true, resolver: SystemHostResolver())
    let folder = "/nonexistent-\(UUID().uuidString)"
    do {
      try await fetcher.download(
        "http://127.0.0.1:\(listener.port)/hit", to: folder + "/file", field: "image_url")
      Issue.record("a download into a missing folder succeeded")
    } catch {
      #expect(error.message.contains("cannot store the download"), "\(error)")
      #expect(!error.description.contains(folder), "\(error)")
    }
    // Nothing listens on a port that was just freed: a short reason, no system message.
    let closed = try TestServer.freePort()
    do {
      try await fetcher.download(
        "http://127.0.0.1:\(closed)/x", to: NSTemporaryDirectory() + "/never", field: "image_url")
      Issue.record("a download from a closed port succeeded")
    } catch {
      #expect(error.message.hasPrefix("cannot fetch \"http://127.0.0.1:\(closed)/x\": "))
      #expect(!error.description.contains("/tmp"), "\(error)")
    }
  }

  /// A fetcher through `resolver`. Tests that wait for an address that never answers keep
  /// the short default; those that expect an answer from the test's own listener give it
  /// more, as that listener shares the busy test process.
  static func fetcher(
    allowPrivate: Bool, resolver: any HostResolver, timeout: Duration = .seconds(10)
  ) -> OutboundFetcher {
    OutboundFetcher(
      allowPrivateAddresses: allowPrivate, maxBytes: 1 << 20, timeout: timeout,
      resolver: resolver)
  }
}

/// A DNS server that answers from a table.
struct FixedResolver: HostResolver {
  var table: [String: [String]]
  init(_ table: [String: [String]]) { self.table = table }
  func addresses(of host: String) async -> [String] { table[host] ?? [] }
}

/// A DNS server that answers `first` once and `then` ever after, as a rebinding attack does.
final class RebindingResolver: HostResolver {
  private let count = Mutex(0)
  let first: String
  let then: String

  init(first: String, then: String) {
    self.first = first
    self.then = then
  }

  var lookups: Int { count.withLock { $0 } }

  func addresses(of host: String) async -> [String] {
    count.withLock {
      $0 += 1
      return $0 == 1 ? [first] : [then]
    }
  }
}

/// A loopback HTTP server that counts what reaches it: `/hit` answers "hit", `/redirect?to=`
/// answers 302.
final class CountingListener: Sendable {
  /// The Host of every request, shared with the route handlers.
  private final class Log: Sendable {
    let hosts = Mutex<[String]>([])
    func record(_ request: Request) {
      hosts.withLock { $0.append(request.head.authority ?? "") }
    }
  }

  private let log: Log
  private let server: LoopbackHTTPServer

  var port: Int { server.port }
  var hits: Int { log.hosts.withLock { $0.count } }
  /// The Host header of every request, in order.
  var hosts: [String] { log.hosts.withLock { $0 } }

  init() async {
    let log = Log()
    self.log = log
    let router = Router()
    router.get("hit") { request, _ -> String in
      log.record(request)
      return "hit"
    }
    router.get("redirect") { request, _ -> Response in
      log.record(request)
      return Response(
        status: .found, headers: [.location: request.uri.queryParameters.get("to") ?? "/"])
    }
    server = await LoopbackHTTPServer(router, label: "counting-listener")
  }

  func stop() async { await server.stop() }
}
