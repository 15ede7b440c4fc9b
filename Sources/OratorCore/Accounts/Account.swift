/// Someone who owns API keys, videos and a credit balance. Every video and key belongs to
/// exactly one account, and the store never shows one account's things to another.
public struct Account: Sendable, Equatable, Codable {
  public var id: ResourceID
  public var name: String
  /// Unix seconds.
  public var createdAt: Int

  public init(id: ResourceID, name: String, createdAt: Int) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
  }
}
