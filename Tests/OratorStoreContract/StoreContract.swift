import Foundation
import OratorCore

/// The behaviour every `Store` must have, written once over `any Store`. A store's test suite
/// builds a `StoreContract` that opens its kind of database and calls each check from a
/// `@Test` (see `SQLiteStoreTests` and `PostgresStoreTests`), so both stores keep the same rules.
public struct StoreContract: Sendable {
  /// Opens a store on the database at `location`. Opening one location twice gives two
  /// stores sharing a database, as two processes (or a restart) would.
  public var open:
    @Sendable (_ location: String, _ retryPolicy: RetryPolicy) async throws -> any Store
  /// The location of a new, empty database.
  public var newLocation: @Sendable () async throws -> String

  public init(
    open:
      @escaping @Sendable (_ location: String, _ retryPolicy: RetryPolicy) async throws
      -> any Store,
    newLocation: @escaping @Sendable () async throws -> String
  ) {
    self.open = open
    self.newLocation = newLocation
  }

  /// A store on a fresh database, with helpers for making accounts and videos.
  public func fixture(retryPolicy: RetryPolicy = RetryPolicy()) async throws -> StoreFixture {
    let location = try await newLocation()
    return StoreFixture(
      store: try await open(location, retryPolicy), location: location, contract: self)
  }
}

/// A store under test and the few lines every check needs to set it up.
public struct StoreFixture: Sendable {
  let store: any Store
  let location: String
  let contract: StoreContract
  let random = SeededRandomSource(seed: 42)
  /// The time every check starts at; checks move forward from it explicitly.
  let start = Date(unixSeconds: 1_700_000_000)

  func at(_ seconds: Int) -> Date {
    start.addingTimeInterval(TimeInterval(seconds))
  }

  /// The same database opened again, as another process or a restarted server would.
  func reopened(retryPolicy: RetryPolicy = RetryPolicy()) async throws -> any Store {
    try await contract.open(location, retryPolicy)
  }

  func makeAccount(credit: Int = 3600, name: String = "Ada", email: String? = nil) async throws
    -> Account
  {
    let account = Account(
      id: ResourceID(random: random), name: name, email: email, createdAt: start.unixSeconds)
    try await store.createAccount(account, credit: credit)
    return account
  }

  /// A new video and its job, `createdAt` seconds after `start`.
  func video(
    for account: Account, reserve: Int = 20, isTest: Bool = false, createdAt: Int = 0
  ) -> (VideoRecord, JobRecord) {
    let video = VideoRecord(
      id: ResourceID(random: random), accountId: account.id, title: "Welcome",
      request: Data(#"{"video_inputs":[]}"#.utf8), callbackId: "cb-1", isTest: isTest,
      createdAt: start.unixSeconds + createdAt, reservedCredit: reserve)
    return (video, JobRecord.queued(id: ResourceID(random: random), for: video))
  }

  @discardableResult
  func makeVideo(
    for account: Account, reserve: Int = 20, isTest: Bool = false, createdAt: Int = 0
  ) async throws -> VideoRecord {
    let (video, job) = self.video(
      for: account, reserve: reserve, isTest: isTest, createdAt: createdAt)
    try await store.createVideo(video, job: job)
    return video
  }

  static let files = VideoFiles(
    video: "v/video.mp4", thumbnail: "v/thumbnail.jpg", gif: "v/preview.gif",
    captionsASS: "v/captions.ass", captionsSRT: "v/captions.srt", captionsVTT: "v/captions.vtt",
    captionedVideo: "v/video-captioned.mp4")
}
