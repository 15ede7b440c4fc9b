import HTTPTypes
import HeyGenAPI
import Hummingbird
import OratorCore

/// Finds the account of the `X-Api-Key` header (any case), or of `Authorization: Bearer <key>`
/// (v3 clients may send either); no key or an unknown or revoked one is 401 in HeyGen's shape. Keys are looked up by their SHA-256 hash: the store never holds them.
struct AuthMiddleware: RouterMiddleware {
  typealias Context = AppRequestContext
  let store: any Store
  let cache = APIKeyCache()

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard let key = Self.key(of: request), !key.isEmpty else {
      throw UnauthorizedError()
    }
    let hash = APIKeyHash(key: key)
    guard
      let account = try await cache.account(
        for: hash, lookUp: { try await store.account(forKeyHash: hash) })
    else {
      throw UnauthorizedError()
    }
    var context = context
    context.account = account
    return try await next(request, context)
  }

  static func key(of request: Request) -> String? {
    if let key = request.headers[HTTPField.Name("x-api-key")!], !key.isEmpty { return key }
    guard let authorization = request.headers[.authorization] else { return nil }
    let parts = authorization.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    return parts[1].trimmingCharacters(in: .whitespaces)
  }
}
