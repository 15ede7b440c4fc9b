import GRDB
import OratorCore

// Settlement: a video's reservation comes off the balance when it is created and goes back
// when the video ends; what the finished video costs is charged in its place.

extension SQLiteStore {
  /// Gives a video's reservation back to its account (failed or deleted video).
  static func releaseReservation(videoId: ResourceID, _ db: Database) throws {
    try settle(videoId: videoId, charge: 0, db)
  }

  /// Replaces the video's reservation with `charge` seconds.
  static func settle(videoId: ResourceID, charge: Int, _ db: Database) throws {
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
