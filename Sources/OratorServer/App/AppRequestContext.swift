import Hummingbird
import NIOCore
import OratorCore

/// The request context: the authenticated account, once `AuthMiddleware` has found it.
public struct AppRequestContext: RequestContext {
  public var coreContext: CoreRequestContextStorage
  public var account: Account?
  /// The client's connection: a long poll checks it to stop working for a client that left.
  public let channel: any Channel

  public init(source: Source) {
    coreContext = .init(source: source)
    channel = source.channel
  }

  /// Asset uploads are checked against their own limit in the handler.
  public var maxUploadSize: Int { 200 << 20 }

  /// The account of an authenticated route; `AuthMiddleware` guarantees one.
  func requireAccount() throws -> Account {
    guard let account else { throw UnauthorizedError() }
    return account
  }
}

struct UnauthorizedError: Error {}
