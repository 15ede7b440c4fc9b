/// Someone who owns API keys, videos and a credit balance. Every video and key belongs to
/// exactly one account, and the store never shows one account's things to another.
public struct Account: Sendable, Equatable, Codable {
  public var id: ResourceID
  public var name: String
  /// Where the account's people are reached, when the operator gave it (`orator keys create
  /// --email`); shown by `GET /v3/users/me`.
  public var email: String?
  /// Unix seconds.
  public var createdAt: Int

  public init(id: ResourceID, name: String, email: String? = nil, createdAt: Int) {
    self.id = id
    self.name = name
    self.email = email
    self.createdAt = createdAt
  }

  /// The name as a person's first and last name: the first word, and the rest (nil for a
  /// one-word name such as a team's).
  public var nameParts: (first: String?, last: String?) {
    let words = name.split(separator: " ", omittingEmptySubsequences: true)
    guard let first = words.first else { return (nil, nil) }
    let rest = words.dropFirst().joined(separator: " ")
    return (String(first), rest.isEmpty ? nil : rest)
  }
}
