import Foundation
import OratorCore
import PostgresNIO

/// The database schema, as numbered migrations that only ever append; the same tables and
/// columns as `SQLiteStore`'s, in PostgreSQL's types. Times are Unix seconds in BIGINT
/// columns; credit is whole seconds of video. Where SQLite breaks ties by `rowid`, these
/// tables carry an identity column `seq` for the same purpose.
enum Schema {
  struct Migration {
    var version: Int
    var name: String
    /// One statement each: the extended query protocol runs a single statement per query.
    var statements: [String]
  }

  static let migrations = [
    Migration(version: 1, name: "accounts, keys, videos, jobs", statements: version1),
    // Set by `POST /v1/video/share`: only shared videos have a public page.
    Migration(
      version: 2, name: "shared videos",
      statements: ["ALTER TABLE videos ADD COLUMN shared_at BIGINT"]),
    Migration(version: 3, name: "templates", statements: templates),
    Migration(version: 4, name: "webhooks", statements: webhooks),
    // What speech recognition heard in a translated video's source.
    Migration(
      version: 5, name: "spoken language",
      statements: ["ALTER TABLE videos ADD COLUMN spoken_language TEXT"]),
    Migration(version: 6, name: "claim indexes, settings", statements: claimIndexes),
    // The answers of requests sent with an `Idempotency-Key`, replayed to repeats; `status`
    // is NULL while the first request is still running.
    Migration(
      version: 7, name: "idempotency keys",
      statements: [
        """
        CREATE TABLE idempotency_keys (
          account_id TEXT NOT NULL REFERENCES accounts(id),
          endpoint TEXT NOT NULL,
          key TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          status INTEGER,
          body BYTEA,
          PRIMARY KEY (account_id, endpoint, key)
        )
        """
      ]),
    // Uploaded portraits: the picture's media-relative path and the face FaceMesh found in
    // it (JSON), so rendering never runs the model.
    Migration(
      version: 8, name: "talking photos",
      statements: [
        """
        CREATE TABLE talking_photos (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          name TEXT NOT NULL,
          image_file TEXT NOT NULL,
          landmarks BYTEA NOT NULL,
          created_at BIGINT NOT NULL
        )
        """,
        """
        CREATE INDEX talking_photos_newest_first
          ON talking_photos(account_id, created_at DESC, id DESC)
        """,
      ]),
    // How far the current render is, 0…1, as its worker reports it.
    Migration(
      version: 9, name: "render progress",
      statements: ["ALTER TABLE videos ADD COLUMN progress DOUBLE PRECISION"]),
    Migration(
      version: 10, name: "account email", statements: ["ALTER TABLE accounts ADD COLUMN email TEXT"]
    ),
  ]

  /// Any number of this store's key for `pg_advisory_xact_lock`: nodes starting together
  /// migrate one after another, and the later ones find nothing left to do.
  private static let migrationLock: Int64 = 0x6f72_6174_6f72_0001

  /// Applies the migrations the database lacks, all in one transaction: a migration that
  /// fails leaves the schema as it was.
  static func migrate(_ connection: PostgresConnection, through newest: Int = .max) async throws {
    try await PostgresStore.inTransaction(connection) { connection in
      try await connection.run("SELECT pg_advisory_xact_lock(\(migrationLock))")
      try await connection.run(
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
        """)
      let applied = Set(
        try await connection.all("SELECT version FROM schema_migrations").map {
          row throws(StoreError) in try row.required("version", as: Int.self)
        })
      for migration in migrations
      where !applied.contains(migration.version) && migration.version <= newest {
        for statement in migration.statements {
          try await connection.run(PostgresQuery(unsafeSQL: statement))
        }
        try await connection.run(
          """
          INSERT INTO schema_migrations (version, name, applied_at)
          VALUES (\(migration.version), \(migration.name), \(Date().unixSeconds))
          """)
      }
    }
  }

  private static let version1 = [
    """
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      -- What the account can still start: reservations come off at once, settlement
      -- gives back the difference between reservation and charge.
      credit_seconds BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      label TEXT NOT NULL,
      hint TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    )
    """,
    "CREATE INDEX api_keys_by_account ON api_keys(account_id)",
    """
    CREATE TABLE videos (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      request BYTEA NOT NULL,
      callback_id TEXT,
      callback_url TEXT,
      is_test BOOLEAN NOT NULL,
      caption BOOLEAN NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      duration DOUBLE PRECISION,
      error_code BIGINT,
      error_message TEXT,
      error_detail TEXT,
      video_file TEXT,
      thumbnail_file TEXT,
      gif_file TEXT,
      captions_ass_file TEXT,
      captions_srt_file TEXT,
      captions_vtt_file TEXT,
      captioned_video_file TEXT,
      reserved_credit BIGINT NOT NULL,
      charged_credit BIGINT NOT NULL,
      -- Deleted videos stay as rows so that a late worker finds its job cancelled.
      deleted_at BIGINT
    )
    """,
    """
    CREATE INDEX videos_newest_first ON videos(account_id, created_at DESC, id DESC)
      WHERE deleted_at IS NULL
    """,
    """
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      seq BIGINT GENERATED ALWAYS AS IDENTITY,
      video_id TEXT NOT NULL REFERENCES videos(id),
      account_id TEXT NOT NULL REFERENCES accounts(id),
      state TEXT NOT NULL,
      run_after BIGINT NOT NULL,
      attempt BIGINT NOT NULL,
      owner TEXT,
      fencing_token BIGINT NOT NULL,
      lease_expires_at BIGINT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )
    """,
    "CREATE INDEX jobs_runnable ON jobs(state, run_after)",
    "CREATE INDEX jobs_by_video ON jobs(video_id)",
  ]

  /// What the job claim filters on, kept in `jobs` so that a claim walks one small index in
  /// queue order instead of every job ever queued (139 ms per claim with 20,000 jobs waiting,
  /// before): the video's kind, copied by a trigger whenever a job is inserted, so the code
  /// that queues jobs need not know; a partial index over the queued jobs in claim order; and
  /// one over leases by expiry, for the claim's takeovers and the reaper. The old `jobs_runnable` index covered finished jobs
  /// too and served neither query. `settings` holds values every node shares (the
  /// URL-signing key).
  private static let claimIndexes = [
    "ALTER TABLE jobs ADD COLUMN kind TEXT",
    "UPDATE jobs SET kind = videos.kind FROM videos WHERE videos.id = jobs.video_id",
    "ALTER TABLE jobs ALTER COLUMN kind SET NOT NULL",
    """
    CREATE FUNCTION orator_job_kind() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT kind INTO NEW.kind FROM videos WHERE id = NEW.video_id;
      RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER jobs_kind_from_video BEFORE INSERT ON jobs
      FOR EACH ROW EXECUTE FUNCTION orator_job_kind()
    """,
    "DROP INDEX jobs_runnable",
    "CREATE INDEX jobs_queued ON jobs(created_at, seq) WHERE state = 'queued'",
    "CREATE INDEX jobs_leased ON jobs(lease_expires_at) WHERE state = 'leased'",
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value BYTEA NOT NULL)",
  ]

  /// Templates: a generate body with `{{name}}` placeholders and its typed variables (JSON).
  private static let templates = [
    """
    CREATE TABLE templates (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      name TEXT NOT NULL,
      body BYTEA NOT NULL,
      variables BYTEA NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      revision BIGINT NOT NULL,
      thumbnail_file TEXT
    )
    """,
    "CREATE INDEX templates_newest_first ON templates(account_id, created_at DESC, id DESC)",
  ]

  /// Webhook endpoints, the event outbox (written in the transaction that changes a video's
  /// status) and every delivery attempt.
  private static let webhooks = [
    """
    CREATE TABLE webhook_endpoints (
      id TEXT PRIMARY KEY,
      seq BIGINT GENERATED ALWAYS AS IDENTITY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      url TEXT NOT NULL,
      -- JSON array of event names; NULL means every event.
      events TEXT,
      secret TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )
    """,
    "CREATE INDEX webhook_endpoints_by_account ON webhook_endpoints(account_id, created_at)",
    """
    CREATE TABLE webhook_events (
      id TEXT PRIMARY KEY,
      seq BIGINT GENERATED ALWAYS AS IDENTITY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      event_type TEXT NOT NULL,
      payload BYTEA NOT NULL,
      -- Exactly one of endpoint_id and callback_url is set.
      endpoint_id TEXT,
      callback_url TEXT,
      attempts BIGINT NOT NULL,
      created_at BIGINT NOT NULL,
      next_attempt_at BIGINT NOT NULL,
      delivered_at BIGINT,
      gave_up_at BIGINT
    )
    """,
    """
    CREATE INDEX webhook_events_due ON webhook_events(next_attempt_at)
      WHERE delivered_at IS NULL AND gave_up_at IS NULL
    """,
    """
    CREATE INDEX webhook_events_newest_first ON webhook_events(account_id, created_at DESC)
    """,
    """
    CREATE TABLE webhook_attempts (
      seq BIGINT GENERATED ALWAYS AS IDENTITY,
      event_id TEXT NOT NULL REFERENCES webhook_events(id),
      at BIGINT NOT NULL,
      status_code BIGINT,
      error TEXT,
      duration_ms BIGINT NOT NULL
    )
    """,
    "CREATE INDEX webhook_attempts_by_event ON webhook_attempts(event_id, at)",
  ]
}
