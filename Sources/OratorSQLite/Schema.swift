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
    return migrator
  }

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
