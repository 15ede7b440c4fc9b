import GRDB

/// The database schema, as numbered migrations that only ever append. Times are Unix seconds
/// in INTEGER columns; credit is whole seconds of video.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("1 accounts, keys, videos, jobs") { db in
      try db.execute(sql: version1)
    }
    migrator.registerMigration("2 shared videos") { db in
      // Set by `POST /v1/video/share`: only shared videos have a public page.
      try db.execute(sql: "ALTER TABLE videos ADD COLUMN shared_at INTEGER")
    }
    migrator.registerMigration("3 templates") { db in
      try db.execute(sql: templates)
    }
    migrator.registerMigration("4 webhooks") { db in
      try db.execute(sql: webhooks)
    }
    migrator.registerMigration("5 spoken language") { db in
      // What speech recognition heard in a translated video's source.
      try db.execute(sql: "ALTER TABLE videos ADD COLUMN spoken_language TEXT")
    }
    migrator.registerMigration("6 claim indexes, settings") { db in
      try db.execute(sql: claimIndexes)
    }
    migrator.registerMigration("7 idempotency keys") { db in
      try db.execute(sql: idempotencyKeys)
    }
    migrator.registerMigration("8 talking photos") { db in
      try db.execute(sql: talkingPhotos)
    }
    migrator.registerMigration("9 render progress") { db in
      // How far the current render is, 0…1, as its worker reports it.
      try db.execute(sql: "ALTER TABLE videos ADD COLUMN progress REAL")
    }
    migrator.registerMigration("10 account email") { db in
      try db.execute(sql: "ALTER TABLE accounts ADD COLUMN email TEXT")
    }
    return migrator
  }

  /// What the job claim filters on, kept in `jobs` so that a claim walks one small index in
  /// queue order instead of every job ever queued: the video's kind (copied by a trigger
  /// whenever a job is inserted, so the code that queues jobs need not know), a partial index
  /// over the queued jobs in claim order, and one over leases by expiry for the claim's
  /// takeovers and the reaper. The old
  /// `jobs_runnable` index covered finished jobs too and served neither query. `settings`
  /// holds values every process on the database shares (the URL-signing key).
  private static let claimIndexes = """
    ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'generated';
    UPDATE jobs SET kind = (SELECT videos.kind FROM videos WHERE videos.id = jobs.video_id);
    CREATE TRIGGER jobs_kind_from_video AFTER INSERT ON jobs
    BEGIN
      UPDATE jobs SET kind = (SELECT videos.kind FROM videos WHERE videos.id = NEW.video_id)
      WHERE rowid = NEW.rowid;
    END;
    DROP INDEX jobs_runnable;
    CREATE INDEX jobs_queued ON jobs(created_at) WHERE state = 'queued';
    CREATE INDEX jobs_leased ON jobs(lease_expires_at) WHERE state = 'leased';

    CREATE TABLE settings (
      name TEXT PRIMARY KEY NOT NULL,
      value BLOB NOT NULL
    );
    """

  /// Uploaded portraits: the picture's media-relative path and the face FaceMesh found in
  /// it (JSON), so rendering never runs the model.
  private static let talkingPhotos = """
    CREATE TABLE talking_photos (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      name TEXT NOT NULL,
      image_file TEXT NOT NULL,
      landmarks BLOB NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX talking_photos_newest_first ON talking_photos(account_id, created_at DESC, id DESC);
    """

  /// The answers of requests sent with an `Idempotency-Key`, replayed to repeats; `status`
  /// is NULL while the first request is still running.
  private static let idempotencyKeys = """
    CREATE TABLE idempotency_keys (
      account_id TEXT NOT NULL REFERENCES accounts(id),
      endpoint TEXT NOT NULL,
      key TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      status INTEGER,
      body BLOB,
      PRIMARY KEY (account_id, endpoint, key)
    );
    """

  /// Webhook endpoints, the event outbox (written in the transaction that changes a video's
  /// status) and every delivery attempt.
  private static let webhooks = """
    CREATE TABLE webhook_endpoints (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      url TEXT NOT NULL,
      -- JSON array of event names; NULL means every event.
      events TEXT,
      secret TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX webhook_endpoints_by_account ON webhook_endpoints(account_id, created_at);

    CREATE TABLE webhook_events (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      event_type TEXT NOT NULL,
      payload BLOB NOT NULL,
      -- Exactly one of endpoint_id and callback_url is set.
      endpoint_id TEXT,
      callback_url TEXT,
      attempts INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      next_attempt_at INTEGER NOT NULL,
      delivered_at INTEGER,
      gave_up_at INTEGER
    );
    CREATE INDEX webhook_events_due ON webhook_events(next_attempt_at)
      WHERE delivered_at IS NULL AND gave_up_at IS NULL;
    CREATE INDEX webhook_events_newest_first ON webhook_events(account_id, created_at DESC);

    CREATE TABLE webhook_attempts (
      event_id TEXT NOT NULL REFERENCES webhook_events(id),
      at INTEGER NOT NULL,
      status_code INTEGER,
      error TEXT,
      duration_ms INTEGER NOT NULL
    );
    CREATE INDEX webhook_attempts_by_event ON webhook_attempts(event_id, at);
    """

  /// Templates: a generate body with `{{name}}` placeholders and its typed variables (JSON).
  private static let templates = """
    CREATE TABLE templates (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      name TEXT NOT NULL,
      body BLOB NOT NULL,
      variables BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      thumbnail_file TEXT
    );
    CREATE INDEX templates_newest_first ON templates(account_id, created_at DESC, id DESC);
    """

  private static let version1 = """
    CREATE TABLE accounts (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      -- What the account can still start: reservations come off at once, settlement
      -- gives back the difference between reservation and charge.
      credit_seconds INTEGER NOT NULL
    );

    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      label TEXT NOT NULL,
      hint TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER
    );
    CREATE INDEX api_keys_by_account ON api_keys(account_id);

    CREATE TABLE videos (
      id TEXT PRIMARY KEY NOT NULL,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      status TEXT NOT NULL,
      request BLOB NOT NULL,
      callback_id TEXT,
      callback_url TEXT,
      is_test INTEGER NOT NULL,
      caption INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      duration REAL,
      error_code INTEGER,
      error_message TEXT,
      error_detail TEXT,
      video_file TEXT,
      thumbnail_file TEXT,
      gif_file TEXT,
      captions_ass_file TEXT,
      captions_srt_file TEXT,
      captions_vtt_file TEXT,
      captioned_video_file TEXT,
      reserved_credit INTEGER NOT NULL,
      charged_credit INTEGER NOT NULL,
      -- Deleted videos stay as rows so that a late worker finds its job cancelled.
      deleted_at INTEGER
    );
    CREATE INDEX videos_newest_first ON videos(account_id, created_at DESC, id DESC)
      WHERE deleted_at IS NULL;

    CREATE TABLE jobs (
      id TEXT PRIMARY KEY NOT NULL,
      video_id TEXT NOT NULL REFERENCES videos(id),
      account_id TEXT NOT NULL REFERENCES accounts(id),
      state TEXT NOT NULL,
      run_after INTEGER NOT NULL,
      attempt INTEGER NOT NULL,
      owner TEXT,
      fencing_token INTEGER NOT NULL,
      lease_expires_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX jobs_runnable ON jobs(state, run_after);
    CREATE INDEX jobs_by_video ON jobs(video_id);
    """
}
