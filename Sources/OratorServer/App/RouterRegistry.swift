import Hummingbird

/// Registers routes on a router group and remembers them in the `RouteTable`, which tells
/// a wrong method (405) from an unknown path (404).
struct RouterRegistry {
  typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

  var group: RouterGroup<AppRequestContext>
  var table: RouteTable

  mutating func get(_ path: String, _ handler: @escaping Handler) {
    table.add(.get, path)
    table.add(.head, path)
    group.get(RouterPath(path), use: handler)
    group.head(RouterPath(path), use: handler)
  }

  mutating func post(_ path: String, _ handler: @escaping Handler) {
    table.add(.post, path)
    group.post(RouterPath(path), use: handler)
  }

  mutating func put(_ path: String, _ handler: @escaping Handler) {
    table.add(.put, path)
    group.put(RouterPath(path), use: handler)
  }

  mutating func patch(_ path: String, _ handler: @escaping Handler) {
    table.add(.patch, path)
    group.patch(RouterPath(path), use: handler)
  }

  mutating func delete(_ path: String, _ handler: @escaping Handler) {
    table.add(.delete, path)
    group.delete(RouterPath(path), use: handler)
  }
}
