import Foundation
import OratorCore
import PostgresNIO

/// A `postgres://user:password@host:port/database` connection URL, read the way libpq reads
/// one, so a URL that works with `psql` works here. `sslmode` (`disable`, `prefer`, `require`,
/// `verify-ca`, `verify-full`) picks TLS; as with libpq, `prefer` and `require` encrypt without
/// checking the server's certificate, `verify-ca` checks its chain and `verify-full` its name
/// too. A `host` query parameter that is a path names a Unix socket folder instead of a TCP
/// host.
public struct PostgresURL: Sendable, Equatable {
  public var host: String
  public var port: Int
  public var username: String
  public var password: String?
  public var database: String
  public var sslMode: String

  /// Reads `text`; `.invalidRecord` when it is not a PostgreSQL URL.
  public init(_ text: String) throws(StoreError) {
    guard let components = URLComponents(string: text),
      ["postgres", "postgresql"].contains(components.scheme?.lowercased() ?? "")
    else { throw .invalidRecord("not a postgres:// URL: \(Self.redacted(text))") }
    let query = Dictionary(
      (components.queryItems ?? []).map { ($0.name, $0.value ?? "") },
      uniquingKeysWith: { _, last in last })
    host = query["host"] ?? components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
    port = components.port ?? query["port"].flatMap(Int.init) ?? 5432
    username = components.user ?? query["user"] ?? ProcessInfo.processInfo.userName
    password = components.password ?? query["password"]
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : ""
    database = path.isEmpty ? username : path
    sslMode = query["sslmode"] ?? "prefer"
    guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode)
    else { throw .invalidRecord("unknown sslmode \(sslMode)") }
  }

  /// The same server, another database (tests make one per run; admin work uses `postgres`).
  public func with(database: String) -> PostgresURL {
    var copy = self
    copy.database = database
    return copy
  }

  /// The pool configuration this URL describes.
  public var clientConfiguration: PostgresClient.Configuration {
    if let socket = socketPath {
      return PostgresClient.Configuration(
        unixSocketPath: socket, username: username, password: password, database: database)
    }
    let tls: PostgresClient.Configuration.TLS =
      switch sslMode {
      case "disable": .disable
      case "allow", "prefer": .prefer(tlsConfiguration)
      default: .require(tlsConfiguration)
      }
    return PostgresClient.Configuration(
      host: host, port: port, username: username, password: password, database: database, tls: tls
    )
  }

  /// The same for one connection outside the pool (migrations run on one).
  func connectionConfiguration() throws -> PostgresConnection.Configuration {
    if let socket = socketPath {
      return PostgresConnection.Configuration(
        unixSocketPath: socket, username: username, password: password, database: database)
    }
    let tls: PostgresConnection.Configuration.TLS =
      switch sslMode {
      case "disable": .disable
      case "allow", "prefer": .prefer(try NIOSSLContext(configuration: tlsConfiguration))
      default: .require(try NIOSSLContext(configuration: tlsConfiguration))
      }
    return PostgresConnection.Configuration(
      host: host, port: port, username: username, password: password, database: database, tls: tls
    )
  }

  /// libpq's convention: the socket file in the `host` folder is named after the port.
  private var socketPath: String? {
    host.hasPrefix("/") ? "\(host)/.s.PGSQL.\(port)" : nil
  }

  private var tlsConfiguration: TLSConfiguration {
    var configuration = TLSConfiguration.makeClientConfiguration()
    if sslMode != "verify-full" && sslMode != "verify-ca" {
      configuration.certificateVerification = .none
    } else if sslMode == "verify-ca" {
      configuration.certificateVerification = .noHostnameVerification
    }
    return configuration
  }

  /// The URL with its password hidden, for messages and logs.
  public static func redacted(_ text: String) -> String {
    guard var components = URLComponents(string: text), components.password != nil else {
      return text
    }
    components.password = "***"
    return components.string ?? "postgres://…"
  }
}
