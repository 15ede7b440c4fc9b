import GRDB
import OratorCore

// Settlement: a video's reservation comes off the balance when it is created and goes back
// when the video ends; what the finished video costs is charged in its place.

extension SQLiteStore {
  /// Gives a video's reservation back to its account (failed or deleted video).
  static func releaseReservation(videoId: ResourceID, _ db: Database) throws {
    try settle(videoId: videoId, charge: 0, db)
  }

  /// Replaces the video's reservation with `charge` seconds, or with what the account can
  /// still pay when that is less: the balance never goes below zero.
  static func settle(videoId: ResourceID, charge requested: Int, _ db: Database) throws {
    let available =
      try Int.fetchOne(
        db,
        sql: """
          SELECT MAX(0, accounts.credit_seconds + videos.reserved_credit)
          FROM videos JOIN accounts ON accounts.id = videos.account_id WHERE videos.id = ?
          """,
        arguments: [videoId.rawValue]) ?? 0
    let charge = min(requested, available)
    try db.execute(
      sql: """
        UPDATE accounts SET credit_seconds = credit_seconds
          + (SELECT reserved_credit FROM videos WHERE id = ?1) - ?2
        WHERE id = (SELECT account_id FROM videos WHERE id = ?1)
        """,
      arguments: [videoId.rawValue, charge])
    try db.execute(
      sql: """
        UPDATE videos SET reserved_credit = 0, charged_credit = charged_credit + ?2 WHERE id = ?1
        """,
      arguments: [videoId.rawValue, charge])
  }
}
