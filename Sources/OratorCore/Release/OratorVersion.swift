/// The release this build is: shown by `orator --version`, in `/healthz` and `/readyz`, in the
/// start-up log line, and in the SDK's `User-Agent`. Raised with each entry in CHANGELOG.md.
public enum OratorVersion {
  public static let current = "0.9.0"
}
