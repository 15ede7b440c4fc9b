import Foundation

/// Reads `apertium -l` (one mode per line, such as `eng-spa`, `en-gl`, `eng-cat_valencia`,
/// `eco-es-fr`) into translation directions and the mode that serves each.
enum ApertiumModes {
  /// The mode for each direction. A plain mode (`eng-cat`) wins over its variants
  /// (`eng-cat_valencia`); a direction with only variants gets the first in name order.
  static func modes(listing: String) -> [LanguagePair: String] {
    var plain: [LanguagePair: String] = [:]
    var variants: [LanguagePair: String] = [:]
    for line in listing.split(whereSeparator: \.isNewline) {
      let mode = line.trimmingCharacters(in: .whitespaces)
      let sides = mode.split(separator: "-")
      // Modes with more parts (`eco-es-fr`, `spa-cat-chunker`) are not plain directions.
      guard sides.count == 2 else { continue }
      let source = sides[0].split(separator: "_", maxSplits: 1)
      let target = sides[1].split(separator: "_", maxSplits: 1)
      guard let sourceCode = source.first.flatMap({ LanguageNames.isoCode(String($0)) }),
        let targetCode = target.first.flatMap({ LanguageNames.isoCode(String($0)) }),
        sourceCode != targetCode
      else { continue }
      let pair = LanguagePair(source: sourceCode, target: targetCode)
      if source.count == 1 && target.count == 1 {
        plain[pair] = mode
      } else if variants[pair].map({ mode < $0 }) ?? true {
        variants[pair] = mode
      }
    }
    return variants.merging(plain) { _, plainMode in plainMode }
  }
}
