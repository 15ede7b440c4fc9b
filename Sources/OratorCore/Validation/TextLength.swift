/// The length limits of free text the server stores and echoes back, one place for every
/// endpoint: a title, a callback id or a URL a megabyte long would otherwise be kept and
/// returned by every list call.
public enum TextLength {
  public static let title = 500
  public static let callbackId = 500
  public static let folderId = 200
  public static let url = 2048
  /// Ids of avatars, voices, talking photos and assets.
  public static let id = 200
  /// Short names: a template's, an emotion, a locale, a font, a style.
  public static let name = 100

  /// Refuses `value` when it is longer than `limit` characters, naming `path`.
  public static func check(_ value: String?, limit: Int, at path: String) throws(InvalidField) {
    // UTF-8 bytes bound the characters from above and are counted without walking grapheme
    // clusters, which matters for a hostile megabyte-long value.
    guard let value, value.utf8.count > limit, value.count > limit else { return }
    throw InvalidField(path: path, message: "must be at most \(limit) characters")
  }
}
