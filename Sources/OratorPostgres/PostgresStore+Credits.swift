import OratorCore
import PostgresNIO

// Settlement: a video's reservation comes off the balance when it is created and goes back
// when the video ends; what the finished video costs is charged in its place.

extension PostgresStore {
  /// Gives a video's reservation back to its account (failed or deleted video).
  static func releaseReservation(videoId: ResourceID, _ connection: PostgresConnection)
    async throws
  {
    try await settle(videoId: videoId, charge: 0, connection)
  }

  /// Replaces the video's reservation with `charge` seconds, or with what the account can
  /// still pay when that is less: the balance never goes below zero.
  static func settle(videoId: ResourceID, charge requested: Int, _ connection: PostgresConnection)
    async throws
  {
    let available =
      try await connection.one(
        """
        SELECT GREATEST(0, accounts.credit_seconds + videos.reserved_credit) AS available
        FROM videos JOIN accounts ON accounts.id = videos.account_id
        WHERE videos.id = \(videoId.rawValue)
        """
      ).map { row throws(StoreError) in try row.required("available", as: Int.self) } ?? 0
    let charge = min(requested, available)
    try await connection.run(
      """
      UPDATE accounts SET credit_seconds = accounts.credit_seconds + videos.reserved_credit
        - \(charge)
      FROM videos WHERE videos.id = \(videoId.rawValue) AND accounts.id = videos.account_id
      """)
    try await connection.run(
      """
      UPDATE videos SET reserved_credit = 0, charged_credit = charged_credit + \(charge)
      WHERE id = \(videoId.rawValue)
      """)
  }
}
