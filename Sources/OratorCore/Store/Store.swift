import Foundation

/// Everything the API server and the workers keep: accounts and keys, videos, the render
/// queue and credits. Implemented by `SQLiteStore` (one machine) and, later, a PostgreSQL
/// store (several API nodes); one contract test suite holds both to the same behaviour.
///
/// Every method that reads or writes videos takes the caller's account and treats another
/// account's video as absent, so a handler cannot leak one by forgetting a check. Methods
/// that depend on time take `now` from the caller's injected clock.
public protocol Store: Sendable {
  // MARK: Accounts and keys

  /// Adds an account with `credit` seconds of video to spend.
  func createAccount(_ account: Account, credit: Int) async throws(StoreError)
  func account(id: ResourceID) async throws(StoreError) -> Account?
  /// All accounts, oldest first (for `orator keys` and first-start set-up).
  func accounts() async throws(StoreError) -> [Account]
  /// Stores a key's record and hash. `.conflict` if the id or hash is taken.
  func addKey(_ key: KeyRecord, hash: APIKeyHash) async throws(StoreError)
  /// The account a presented key belongs to; nil for an unknown or revoked key.
  func account(forKeyHash hash: APIKeyHash) async throws(StoreError) -> Account?
  /// The account's keys, revoked ones included, oldest first.
  func keys(account: ResourceID) async throws(StoreError) -> [KeyRecord]
  /// Revokes a key of `account`; false when it has no such key or it was already revoked.
  func revokeKey(id: ResourceID, account: ResourceID, now: Date) async throws(StoreError) -> Bool
  /// Start-up's key, safe when many nodes start at once on one database: in one transaction
  /// that nodes take one after another, adds `key` (its `accountId` is ignored) unless a key
  /// with `hash` exists, to the oldest account, creating `newAccount` with `credit` first when
  /// there is none. With `onlyIfNoAccount`, does nothing once any account exists (a first
  /// start that prints a new key). Returns the account the key was added to; nil when
  /// nothing was added.
  func addStartupKey(
    _ key: KeyRecord, hash: APIKeyHash, newAccount: Account, credit: Int, onlyIfNoAccount: Bool
  ) async throws(StoreError) -> ResourceID?

  // MARK: Settings

  /// The secret stored under `name`; on the first call for that name, `candidate` is stored
  /// and returned. Every node and process on one database gets the same bytes, whichever
  /// called first (the URL-signing key of nodes sharing a PostgreSQL database).
  func sharedSecret(name: String, candidate: [UInt8]) async throws(StoreError) -> [UInt8]
  /// Answers once the database does: a round trip, for readiness checks.
  func ping() async throws(StoreError)

  // MARK: Credits

  /// Seconds of video the account can still start: its balance less what running videos
  /// have reserved. HeyGen's `remaining_quota`.
  func remainingCredit(account: ResourceID) async throws(StoreError) -> Int
  /// Adds (or with a negative value, takes away) credit; returns the new remaining credit.
  func addCredit(account: ResourceID, seconds: Int) async throws(StoreError) -> Int

  // MARK: Videos

  /// Writes the video, its job and its credit reservation (`video.reservedCredit`) in one
  /// transaction: either all three exist afterwards or none does. Refuses with
  /// `.insufficientCredit` when the remaining credit cannot cover the reservation; a test
  /// video reserves and costs nothing. With `maxActive`, refuses with `.tooManyActiveVideos`
  /// when the account already has that many videos pending or processing; the count is taken
  /// inside the same transaction, so concurrent submits cannot overshoot the limit.
  func createVideo(_ video: VideoRecord, job: JobRecord, maxActive: Int?)
    async throws(StoreError)
  /// The video if it exists, is not deleted, and belongs to `account`.
  func video(id: ResourceID, account: ResourceID) async throws(StoreError) -> VideoRecord?
  /// The account's videos, newest first, `limit` (clamped to 1…100) at a time, starting after
  /// the video `after` names.
  func listVideos(account: ResourceID, limit: Int, after: VideoPageToken?)
    async throws(StoreError) -> VideoPage
  /// Deletes a video: it disappears from reads, its queued or leased job is cancelled (a
  /// worker's later completion is refused) and its reservation released. Returns the video
  /// as it was, so the caller can remove its media; nil when there is no such video.
  func deleteVideo(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> VideoRecord?
  /// Videos of the account that are pending or processing, for concurrency limits.
  func activeRenderCount(account: ResourceID) async throws(StoreError) -> Int
  /// Makes a video's public share page available; nil when the account has no such video.
  func shareVideo(id: ResourceID, account: ResourceID, now: Date) async throws(StoreError)
    -> VideoRecord?
  /// Gives a video a new title; returns it renamed, nil when the account has no such video.
  func renameVideo(id: ResourceID, account: ResourceID, title: String)
    async throws(StoreError) -> VideoRecord?
  /// A shared, not deleted video, whatever its account: what its public page shows.
  func sharedVideo(id: ResourceID) async throws(StoreError) -> VideoRecord?

  // MARK: Jobs

  /// Takes the oldest runnable job (queued with `runAfter <= now`, or leased with an
  /// expired lease) under a new lease with a new, higher fencing token, and marks its video
  /// processing. Atomic across processes: no two callers get the same job under the same
  /// token. Nil when nothing is runnable. A job whose lease expired on its last attempt is
  /// failed instead of handed out again. Only jobs of videos of `kinds` are considered, so a
  /// remote worker that renders generated videos never takes a translation.
  func claimJob(owner: String, leaseFor: Duration, now: Date, kinds: Set<VideoKind>)
    async throws(StoreError) -> JobLease?
  /// Extends a lease; false when it no longer holds (taken over, or the video deleted).
  func heartbeat(_ lease: JobLease, extendTo: Date) async throws(StoreError) -> Bool
  /// Records how far the lease's render is (0…1) on its video; false, and nothing changed,
  /// unless the lease holds.
  func recordProgress(_ lease: JobLease, fraction: Double) async throws(StoreError) -> Bool
  /// Hands a job back that was claimed but never started (a remote worker that hung up before
  /// the claim reached it): queued again at once, the attempt not counted, the video pending
  /// again if this was its first attempt. False, and nothing changed, unless the lease holds.
  func releaseJob(_ lease: JobLease, now: Date) async throws(StoreError) -> Bool
  /// Records a finished render: the video becomes completed with its files and duration,
  /// and the real duration is charged in place of the reservation (settlement), never more
  /// than the reservation and the balance together, so credit never goes below zero. False, and
  /// nothing changed, unless the lease still holds.
  func completeJob(_ lease: JobLease, result: VideoResult, now: Date)
    async throws(StoreError) -> Bool
  /// Records a failed attempt. A `retryable` failure with attempts left queues the job
  /// again after the retry policy's backoff, or after `notBefore` when that is longer (a
  /// machine out of disk or memory needs minutes, not seconds); otherwise the video becomes
  /// failed with `failure` and its reservation is released.
  func failJob(
    _ lease: JobLease, failure: VideoFailure, retryable: Bool, notBefore: Duration?, now: Date
  ) async throws(StoreError) -> JobFailureOutcome
  /// Takes back every lease that expired by `now`: the job is queued again (or failed when
  /// that was its last attempt). Returns the leases taken back, for logging. `claimJob`
  /// takes expired leases too; this only keeps the queue honest when no worker is asking.
  func reapExpiredLeases(now: Date) async throws(StoreError) -> [JobLease]
  /// Queue depth, the oldest runnable job's wait, running renders and the webhook backlog.
  func queueStats(now: Date) async throws(StoreError) -> QueueStats

  // MARK: Templates

  /// Stores a new template. `.conflict` if the id is taken.
  func createTemplate(_ template: TemplateRecord) async throws(StoreError)
  /// The template if it exists and belongs to `account`.
  func template(id: ResourceID, account: ResourceID) async throws(StoreError) -> TemplateRecord?
  /// The account's templates, newest first.
  func listTemplates(account: ResourceID) async throws(StoreError) -> [TemplateRecord]
  /// Replaces a template's name, body, variables, `updatedAt` and `revision`; false when the
  /// account has no such template.
  func updateTemplate(_ template: TemplateRecord) async throws(StoreError) -> Bool
  /// Records the thumbnail drawn for `revision`; false (and nothing kept) when the template
  /// has changed since, or is gone.
  func setTemplateThumbnail(id: ResourceID, account: ResourceID, revision: Int, file: String)
    async throws(StoreError) -> Bool
  /// Deletes a template; returns it as it was (so its files can go), nil when there is none.
  func deleteTemplate(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TemplateRecord?

  // MARK: Talking photos

  /// Stores an uploaded portrait with its face. `.conflict` if the id is taken.
  func createTalkingPhoto(_ photo: TalkingPhotoRecord) async throws(StoreError)
  /// The photo if it exists and belongs to `account`.
  func talkingPhoto(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TalkingPhotoRecord?
  /// The account's photos, newest first.
  func listTalkingPhotos(account: ResourceID) async throws(StoreError) -> [TalkingPhotoRecord]
  /// Deletes a photo; returns it as it was (so its picture can go), nil when there is none.
  func deleteTalkingPhoto(id: ResourceID, account: ResourceID) async throws(StoreError)
    -> TalkingPhotoRecord?
  /// Gives a photo of `account` a new name; returns it renamed, nil when there is none.
  func renameTalkingPhoto(id: ResourceID, account: ResourceID, name: String)
    async throws(StoreError) -> TalkingPhotoRecord?

  // MARK: Idempotency

  /// Starts a request under `key` in one transaction: `.completed` with the stored answer
  /// when one younger than `keepFor` exists, `.inProgress` when another caller started it
  /// less than `staleAfter` ago (an older start is a caller that died: taken over), and
  /// otherwise records the start and returns `.started`.
  func beginIdempotentRequest(
    _ key: IdempotencyKey, now: Date, staleAfter: Duration, keepFor: Duration
  ) async throws(StoreError) -> IdempotencyClaim
  /// Stores the answer of a started request, to be replayed to repeats.
  func finishIdempotentRequest(_ key: IdempotencyKey, status: Int, body: Data)
    async throws(StoreError)
  /// Forgets a started request that failed, so that a repeat runs it again.
  func abandonIdempotentRequest(_ key: IdempotencyKey) async throws(StoreError)

  // MARK: Webhooks

  /// Stores a new endpoint. `.conflict` if the id is taken.
  func addWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws(StoreError)
  /// The account's endpoints, oldest first.
  func webhookEndpoints(account: ResourceID) async throws(StoreError) -> [WebhookEndpoint]
  /// Replaces an endpoint's url, events, status and secret; false when the account has no
  /// such one.
  func updateWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws(StoreError) -> Bool
  /// Deletes an endpoint; its undelivered events are given up. False when there is none.
  func deleteWebhookEndpoint(id: ResourceID, account: ResourceID, now: Date)
    async throws(StoreError) -> Bool
  /// Takes up to `limit` events due by `now` (oldest first) and holds them for `leaseFor`, so
  /// no other dispatcher, in this process or another, sends them meanwhile. An event whose
  /// holder vanished is due again when the hold ends. Events of a deleted endpoint are
  /// given up instead.
  func claimWebhookEvents(limit: Int, leaseFor: Duration, now: Date)
    async throws(StoreError) -> [WebhookDelivery]
  /// Records one attempt and what follows from it, in one transaction.
  func recordDeliveryAttempt(
    eventId: ResourceID, attempt: DeliveryAttempt, outcome: DeliveryOutcome
  ) async throws(StoreError)
  /// The account's events, newest first, with their attempts; only one endpoint's when
  /// `endpoint` is given.
  func webhookEventLog(account: ResourceID, endpoint: ResourceID?, limit: Int)
    async throws(StoreError) -> [WebhookEventLog]
}

extension Store {
  /// Creates a video with no limit on the account's active videos.
  public func createVideo(_ video: VideoRecord, job: JobRecord) async throws(StoreError) {
    try await createVideo(video, job: job, maxActive: nil)
  }

  /// Records a failed attempt with the retry policy's own backoff.
  public func failJob(_ lease: JobLease, failure: VideoFailure, retryable: Bool, now: Date)
    async throws(StoreError) -> JobFailureOutcome
  {
    try await failJob(lease, failure: failure, retryable: retryable, notBefore: nil, now: now)
  }

  /// Claims a job of any kind of video.
  public func claimJob(owner: String, leaseFor: Duration, now: Date)
    async throws(StoreError) -> JobLease?
  {
    try await claimJob(owner: owner, leaseFor: leaseFor, now: now, kinds: Set(VideoKind.allCases))
  }
}
