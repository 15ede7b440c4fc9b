/// What is kept about an API key: never the key itself, only who owns it and how to tell it
/// apart in a list (`hint`, its last characters).
public struct KeyRecord: Sendable, Equatable, Codable {
  public var id: ResourceID
  public var accountId: ResourceID
  public var label: String
  /// The key's last four characters, shown in listings so the owner can tell keys apart.
  public var hint: String
  /// Unix seconds.
  public var createdAt: Int
  /// Unix seconds; a revoked key no longer authenticates.
  public var revokedAt: Int?

  public init(
    id: ResourceID, accountId: ResourceID, label: String, hint: String, createdAt: Int,
    revokedAt: Int? = nil
  ) {
    self.id = id
    self.accountId = accountId
    self.label = label
    self.hint = hint
    self.createdAt = createdAt
    self.revokedAt = revokedAt
  }

  public var isRevoked: Bool { revokedAt != nil }
}
