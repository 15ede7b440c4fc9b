/// The words of a piece of script as written: runs of non-space characters, with stand-alone
/// punctuation ("—", "…") attached to the word before it so that captions keep it.
struct ScriptWords {
  struct Word {
    var text: String
    /// Character (Unicode scalar) offsets into the script, as espeak-ng counts them.
    var characters: Range<Int>
    /// How many letters or digits it has; spoken time is shared out by this.
    var spokenLength: Int
  }

  var words: [Word] = []

  init(_ script: String) {
    var current: [Unicode.Scalar] = []
    var start = 0
    var offset = 0
    func finishWord() {
      defer { current = [] }
      guard !current.isEmpty else { return }
      var text = ""
      text.unicodeScalars.append(contentsOf: current)
      let spoken = current.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
      let word = Word(text: text, characters: start..<offset, spokenLength: spoken.count)
      if word.spokenLength == 0, let last = words.indices.last {
        words[last].text += " " + word.text
        words[last].characters = words[last].characters.lowerBound..<offset
      } else if let last = words.indices.last, words[last].spokenLength == 0 {
        // Leading punctuation joins the first real word.
        words[last].text += " " + word.text
        words[last].characters = words[last].characters.lowerBound..<offset
        words[last].spokenLength = word.spokenLength
      } else {
        words.append(word)
      }
    }
    for scalar in script.unicodeScalars {
      if scalar.properties.isWhitespace {
        finishWord()
      } else {
        if current.isEmpty { start = offset }
        current.append(scalar)
      }
      offset += 1
    }
    finishWord()
  }

  /// The index of the word at or after `character`.
  func wordIndex(atCharacter character: Int) -> Int? {
    words.firstIndex { $0.characters.upperBound > character }
  }
}
