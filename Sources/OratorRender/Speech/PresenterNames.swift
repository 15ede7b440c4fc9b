/// Friendly first names for voices, so a voice list reads like a cast of presenters.
/// The name depends only on the voice's locale, gender and number, so it never changes
/// between runs or when other voices are installed.
enum PresenterNames {
  static func name(locale: String, gender: String, number: Int) -> String {
    let pool = gender == "female" ? female : male
    let index = (Int(stableHash(locale.lowercased()) % UInt64(pool.count)) + number - 1)
    return pool[index % pool.count]
  }

  /// FNV-1a: unlike `Hasher`, the same on every run.
  private static func stableHash(_ text: String) -> UInt64 {
    text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
  }

  private static let female = [
    "Emma", "Olivia", "Sofia", "Mia", "Ava", "Lena", "Clara", "Nora", "Elena", "Maya", "Isla",
    "Hana", "Lucia", "Zoe", "Amara", "Leila", "Ines", "Freya", "Julia", "Alice", "Camille",
    "Aria", "Elif", "Noor",
  ]
  private static let male = [
    "Liam", "Noah", "Lucas", "Leo", "Adam", "Daniel", "Mateo", "Oscar", "Hugo", "Elias",
    "Felix", "Jonas", "Omar", "Kenji", "Ravi", "Marco", "Arthur", "Theo", "Samuel", "David",
    "Ivan", "Tomas", "Milan", "Aiden",
  ]
}
