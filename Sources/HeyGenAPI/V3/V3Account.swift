/// `GET /v3/users/me`: who the key belongs to and what it can spend. Orator's credit is
/// seconds of video, so the account is a wallet in `credits`.
public struct V3User: Codable, Sendable, Equatable {
  public var username: String
  public var email: String?
  public var firstName: String?
  public var lastName: String?
  /// `wallet` here.
  public var billingType: String?
  public var wallet: V3Wallet?

  public init(
    username: String, email: String?, firstName: String?, lastName: String?, billingType: String?,
    wallet: V3Wallet?
  ) {
    self.username = username
    self.email = email
    self.firstName = firstName
    self.lastName = lastName
    self.billingType = billingType
    self.wallet = wallet
  }

  enum CodingKeys: String, CodingKey {
    case username, email, wallet
    case firstName = "first_name"
    case lastName = "last_name"
    case billingType = "billing_type"
  }

  /// `email`, `first_name` and `last_name` are required but nullable: written as `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(username, forKey: .username)
    try container.encode(email, forKey: .email)
    try container.encode(firstName, forKey: .firstName)
    try container.encode(lastName, forKey: .lastName)
    try container.encodeIfPresent(billingType, forKey: .billingType)
    try container.encodeIfPresent(wallet, forKey: .wallet)
  }
}

public struct V3Wallet: Codable, Sendable, Equatable {
  /// `credits`: Orator's unit, one credit a second of video.
  public var currency: String
  public var remainingBalance: Double?

  public init(currency: String, remainingBalance: Double?) {
    self.currency = currency
    self.remainingBalance = remainingBalance
  }

  enum CodingKeys: String, CodingKey {
    case currency
    case remainingBalance = "remaining_balance"
  }
}

/// What `POST /v3/assets` answers.
public struct V3AssetCreated: Codable, Sendable, Equatable {
  public var assetId: String
  public var url: String
  public var mimeType: String
  public var sizeBytes: Int

  public init(assetId: String, url: String, mimeType: String, sizeBytes: Int) {
    self.assetId = assetId
    self.url = url
    self.mimeType = mimeType
    self.sizeBytes = sizeBytes
  }

  enum CodingKeys: String, CodingKey {
    case url
    case assetId = "asset_id"
    case mimeType = "mime_type"
    case sizeBytes = "size_bytes"
  }
}

/// `GET /v3/assets/{id}`.
public struct V3Asset: Codable, Sendable, Equatable {
  public var id: String
  public var name: String
  /// `image`, `video` or `audio`.
  public var type: String
  public var owner: String
  public var spaceId: String
  public var uploadedAt: Int
  public var url: String?

  public init(
    id: String, name: String, type: String, owner: String, spaceId: String, uploadedAt: Int,
    url: String?
  ) {
    self.id = id
    self.name = name
    self.type = type
    self.owner = owner
    self.spaceId = spaceId
    self.uploadedAt = uploadedAt
    self.url = url
  }

  enum CodingKeys: String, CodingKey {
    case id, name, type, owner, url
    case spaceId = "space_id"
    case uploadedAt = "uploaded_at"
  }
}
