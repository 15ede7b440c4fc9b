/// Why the store refused or failed. The HTTP layer maps these to HeyGen's error bodies.
public enum StoreError: Error, Sendable, Equatable {
  /// The account's balance cannot cover the video's reserved estimate (credit seconds).
  case insufficientCredit(needed: Int, remaining: Int)
  /// The account already has `active` videos queued or rendering, as many as it may.
  case tooManyActiveVideos(active: Int)
  /// The account named does not exist.
  case unknownAccount(ResourceID)
  /// A record with this id, or a key with this hash, is already stored.
  case conflict(String)
  /// The records given do not fit together (a job for another video, say).
  case invalidRecord(String)
  /// A stored value could not be read back: the database was changed by something else.
  case corruptRow(String)
  /// The database itself failed: I/O error, full disk, locked for too long.
  case unavailable(String)
  /// The database could not be reached in time: the server is down or cut off, or no pooled
  /// connection came free. The call did not run (unless the connection broke while it
  /// committed); a client should try again shortly, and the HTTP layer answers 503.
  case unreachable(String)
}
