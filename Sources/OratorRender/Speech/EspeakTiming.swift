/// Turns the events of one espeak-ng run into timed phones and words for its script.
enum EspeakTiming {
  /// Sounding phones: each lasts until the next phoneme or end event; pauses and zero-length
  /// events are dropped, so silences become gaps.
  static func phones(from run: EspeakRun, duration: Double) -> [TimedPhone] {
    var phones: [TimedPhone] = []
    var open: (phone: Phone?, start: Double)?
    for (milliseconds, event) in run.events {
      let time = min(Double(milliseconds) / 1000, duration)
      switch event {
      case .phoneme, .end:
        if let current = open, let phone = current.phone, time > current.start {
          phones.append(TimedPhone(phone, start: current.start, end: time))
        }
        if case .phoneme(let name) = event {
          open = (IPAPhoneMapper.phone(forIPA: name), time)
        } else {
          open = nil
        }
      case .sentence, .word:
        break
      }
    }
    if let current = open, let phone = current.phone, duration > current.start {
      phones.append(TimedPhone(phone, start: current.start, end: duration))
    }
    return phones
  }

  /// One timed word per written word. espeak-ng reports the start of most words; words it
  /// merged into the previous event ("I am") share that event's span in proportion to
  /// their length.
  static func words(
    from run: EspeakRun, script: String, phones: [TimedPhone], duration: Double
  ) -> [TimedWord] {
    let index = ScriptWords(script)
    let written = index.words
    guard !written.isEmpty else { return [] }

    var starts = [Double?](repeating: nil, count: written.count)
    var sentenceStarts = Set<Int>()
    for (milliseconds, event) in run.events {
      switch event {
      case .word(let character, _):
        if let word = index.wordIndex(atCharacter: character), starts[word] == nil {
          starts[word] = min(Double(milliseconds) / 1000, duration)
        }
      case .sentence(let character):
        if let word = index.wordIndex(atCharacter: character) { sentenceStarts.insert(word) }
      case .phoneme, .end:
        break
      }
    }
    // Words before the first reported one belong to it.
    if starts[0] == nil { starts[0] = phones.first?.start ?? 0 }

    var timed: [TimedWord] = []
    var groupStart = 0
    while groupStart < written.count {
      var groupEnd = groupStart + 1
      while groupEnd < written.count, starts[groupEnd] == nil { groupEnd += 1 }
      let start = max(starts[groupStart] ?? 0, timed.last?.end ?? 0)
      let next = max(start, groupEnd < written.count ? starts[groupEnd] ?? duration : duration)
      // The group ends with its last sound, not with the pause after it; a word event can
      // lead the next word's first sound, so the end never passes the next word's start.
      let lastSoundEnd = phones.last { $0.start >= start && $0.start < next }?.end ?? next
      let end = min(max(start, lastSoundEnd), next)
      let group = written[groupStart..<groupEnd]
      let totalLength = Double(group.reduce(0) { $0 + max($1.spokenLength, 1) })
      var cursor = start
      for (offset, word) in zip(group.indices, group) {
        let share = (end - start) * Double(max(word.spokenLength, 1)) / totalLength
        let wordEnd = offset == groupEnd - 1 ? end : cursor + share
        timed.append(
          TimedWord(
            text: word.text, start: cursor, end: wordEnd,
            startsSentence: offset == groupStart && sentenceStarts.contains(offset)))
        cursor = wordEnd
      }
      groupStart = groupEnd
    }
    return timed
  }
}
