/// Turns Piper's per-phoneme sample counts into timed phones and words.
///
/// Piper (through espeak-ng) reports one entry per IPA code point, stress marks and length
/// marks included, with word boundaries as `" "` entries and punctuation as their own entries.
enum PiperTiming {
  /// One phoneme entry: the code point and how many samples it lasts.
  struct Entry: Equatable {
    var phoneme: String
    var samples: Int
  }

  /// A run of phonemes between word boundaries: what espeak-ng spoke as one word (it joins
  /// some function words: "I am" is one group).
  struct Group: Equatable {
    /// How many letters (sounds) it has.
    var sounds: Int
    var start: Double
    var end: Double
  }

  /// Sounding phones, with diphthongs and affricates (two code points) joined into one phone,
  /// stress marks giving their time to the sound they stress and length marks to the sound
  /// they lengthen. Boundaries, pauses and punctuation become gaps.
  static func phones(_ entries: [Entry], sampleRate: Int, offset: Double = 0) -> [TimedPhone] {
    var phones: [TimedPhone] = []
    var letters: [String] = []  // the code points of the last phone, to join sequences
    var cursor = 0
    var stressStart: Double?
    for entry in entries {
      let start = offset + Double(cursor) / Double(sampleRate)
      cursor += max(0, entry.samples)
      let end = offset + Double(cursor) / Double(sampleRate)
      switch kind(of: entry.phoneme) {
      case .letter:
        if let last = phones.last, last.end == start, let previous = letters.last,
          IPAPhoneMapper.isSequence(previous + entry.phoneme),
          let joined = IPAPhoneMapper.phone(forIPA: previous + entry.phoneme)
        {
          phones[phones.count - 1] = TimedPhone(joined, start: last.start, end: end)
          letters = []
        } else if let phone = IPAPhoneMapper.phone(forIPA: entry.phoneme) {
          phones.append(TimedPhone(phone, start: stressStart ?? start, end: end))
          letters = [entry.phoneme]
        }
        stressStart = nil
      case .stress:
        stressStart = stressStart ?? start
      case .modifier:
        if let last = phones.last, last.end == start {
          phones[phones.count - 1].end = end
        }
      case .boundary:
        letters = []
        stressStart = nil
      }
    }
    return phones
  }

  /// The word groups of one sentence, each spanning its sounds only (not the pause after it).
  static func groups(_ entries: [Entry], sampleRate: Int, offset: Double = 0) -> [Group] {
    var groups: [Group] = []
    var current: Group?
    var cursor = 0
    for entry in entries {
      let start = offset + Double(cursor) / Double(sampleRate)
      cursor += max(0, entry.samples)
      let end = offset + Double(cursor) / Double(sampleRate)
      switch kind(of: entry.phoneme) {
      case .letter, .stress, .modifier:
        let sounds = kind(of: entry.phoneme) == .letter ? 1 : 0
        if var group = current {
          group.sounds += sounds
          group.end = end
          current = group
        } else {
          current = Group(sounds: sounds, start: start, end: end)
        }
      case .boundary:
        if let group = current, group.sounds > 0 { groups.append(group) }
        current = nil
      }
    }
    if let group = current, group.sounds > 0 { groups.append(group) }
    return groups
  }

  /// The script's words placed on the groups: a monotonic alignment that matches each word's
  /// letter count to the groups' sound counts, where one group may hold several words (the
  /// joined function words share its time by length) and one word may span several groups
  /// (numbers and abbreviations read as several words).
  static func words(_ script: String, groups: [Group]) -> [TimedWord] {
    let written = ScriptWords(script).words
    guard !written.isEmpty else { return [] }
    let sentenceStarts = sentenceStarts(written)
    guard !groups.isEmpty else { return [] }

    let letters = written.map(weight)
    let sounds = groups.map { Double($0.sounds) }
    let ratio = sounds.reduce(0, +) / letters.reduce(0, +)
    let steps = alignment(letters: letters, sounds: sounds, ratio: ratio)

    var timed: [TimedWord] = []
    for step in steps {
      let wordRange = step.words
      let groupRange = step.groups
      let start: Double
      let end: Double
      if groupRange.isEmpty {
        // A word no group matches sits, without length, where the speech is.
        start = timed.last?.end ?? groups[min(groupRange.lowerBound, groups.count - 1)].start
        end = start
      } else {
        start = groups[groupRange.lowerBound].start
        end = groups[groupRange.upperBound - 1].end
      }
      let total = wordRange.reduce(0.0) { $0 + letters[$1] }
      var cursor = start
      for index in wordRange {
        let wordEnd =
          index == wordRange.upperBound - 1 ? end : cursor + (end - start) * letters[index] / total
        timed.append(
          TimedWord(
            text: written[index].text, start: cursor, end: wordEnd,
            startsSentence: sentenceStarts.contains(index)))
        cursor = wordEnd
      }
    }
    return timed
  }

  /// How many sounds a written word is expected to have, relative to others: its letters,
  /// with a digit counting as three (a number is read as whole words).
  static func weight(_ word: ScriptWords.Word) -> Double {
    let digits = word.text.unicodeScalars.filter { $0.properties.numericType != nil }.count
    return Double(max(word.spokenLength + 2 * digits, 1))
  }

  struct Step {
    var words: Range<Int>
    var groups: Range<Int>
  }

  /// The cheapest monotonic pairing of all words with all groups (dynamic programming over
  /// prefix pairs). Steps are 1:1, n:1 and 1:n up to `widest`, and 1:0 and 0:1 as a last
  /// resort, so every input has an answer.
  static func alignment(letters: [Double], sounds: [Double], ratio: Double) -> [Step] {
    let widest = 4
    let wordCount = letters.count
    let groupCount = sounds.count
    let columns = groupCount + 1
    var cost = [Double](repeating: .infinity, count: (wordCount + 1) * columns)
    var back = [(Int, Int)](repeating: (0, 0), count: (wordCount + 1) * columns)
    cost[0] = 0
    func mismatch(_ words: Range<Int>, _ groups: Range<Int>) -> Double {
      let expected = words.reduce(0.0) { $0 + letters[$1] } * ratio
      let actual = groups.reduce(0.0) { $0 + sounds[$1] }
      return abs(expected - actual) / max(expected, actual, 1)
    }
    for word in 0...wordCount {
      for group in 0...groupCount {
        let here = cost[word * columns + group]
        guard here.isFinite else { continue }
        var moves: [(Int, Int, Double)] = [(1, 0, 1.5), (0, 1, 1.5)]
        moves.append((1, 1, 0))
        for width in 2...widest {
          moves.append((width, 1, 0.3))
          moves.append((1, width, 0.3))
        }
        for (words, groups, penalty) in moves {
          let nextWord = word + words
          let nextGroup = group + groups
          guard nextWord <= wordCount, nextGroup <= groupCount else { continue }
          let stepCost =
            penalty
            + (words > 0 && groups > 0 ? mismatch(word..<nextWord, group..<nextGroup) : 0)
          let index = nextWord * columns + nextGroup
          if here + stepCost < cost[index] {
            cost[index] = here + stepCost
            back[index] = (word, group)
          }
        }
      }
    }
    var steps: [Step] = []
    var word = wordCount
    var group = groupCount
    while word > 0 || group > 0 {
      let (previousWord, previousGroup) = back[word * columns + group]
      if word > previousWord {
        steps.append(Step(words: previousWord..<word, groups: previousGroup..<group))
      }
      word = previousWord
      group = previousGroup
    }
    return steps.reversed()
  }

  /// The words that begin a sentence: the first, and each after a word ending in . ! or ?.
  static func sentenceStarts(_ words: [ScriptWords.Word]) -> Set<Int> {
    var starts: Set<Int> = [0]
    for (index, word) in words.enumerated().dropLast() {
      let last = word.text.last { !"\"')”’»".contains($0) }
      if let last, ".!?…。！？".contains(last) { starts.insert(index + 1) }
    }
    return starts
  }

  enum Kind {
    case letter, stress, modifier, boundary
  }

  static func kind(of phoneme: String) -> Kind {
    guard let scalar = phoneme.unicodeScalars.first, !"^$_".unicodeScalars.contains(scalar)
    else { return .boundary }
    if scalar == "ˈ" || scalar == "ˌ" { return .stress }
    switch scalar.properties.generalCategory {
    case .lowercaseLetter, .uppercaseLetter, .otherLetter: return .letter
    case .modifierLetter, .nonspacingMark, .spacingMark, .enclosingMark, .modifierSymbol:
      return .modifier
    default: return .boundary
    }
  }
}
