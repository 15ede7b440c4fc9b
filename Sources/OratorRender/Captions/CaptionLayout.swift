extension Captions {
  /// Splits a run of words into captions and lines within a character budget.
  ///
  /// Both levels use the same idea: find the smallest width that still needs no more pieces than
  /// the full width does, then fill greedily to that width. This spreads text evenly instead of
  /// packing the first pieces and leaving a short remainder.
  struct Layout {
    var maxLineLength: Int
    var maxLines: Int

    /// Line texts for one caption, balanced in length.
    func lines(for words: [String]) -> [String] {
      let fewest = greedyLines(words, width: maxLineLength).count
      let longestWord = words.map(\.count).max() ?? 0
      for width in min(longestWord, maxLineLength)...maxLineLength {
        let lines = greedyLines(words, width: width)
        if lines.count <= fewest { return lines }
      }
      return greedyLines(words, width: maxLineLength)
    }

    /// Word index ranges of the captions for one phrase, balanced in length.
    func split(_ words: [String]) -> [Range<Int>] {
      guard !words.isEmpty else { return [] }
      let fullBudget = maxLines * maxLineLength
      let fewest = greedyCaptions(words, budget: fullBudget).count
      let total = words.reduce(0) { $0 + $1.count } + words.count - 1
      var budget = max(1, total / fewest)
      while budget < fullBudget {
        let captions = greedyCaptions(words, budget: budget)
        if captions.count <= fewest { return captions }
        budget += 1
      }
      return greedyCaptions(words, budget: fullBudget)
    }

    /// Fills captions word by word; a caption takes the next word while its text stays within
    /// `budget` characters and still fits the line limits.
    private func greedyCaptions(_ words: [String], budget: Int) -> [Range<Int>] {
      var captions: [Range<Int>] = []
      var start = 0
      var length = 0
      for index in words.indices {
        let added = length == 0 ? words[index].count : length + 1 + words[index].count
        let fits =
          added <= budget
          && greedyLines(Array(words[start...index]), width: maxLineLength).count <= maxLines
        if index > start && !fits {
          captions.append(start..<index)
          start = index
          length = words[index].count
        } else {
          length = added
        }
      }
      captions.append(start..<words.count)
      return captions
    }

    /// Fills lines word by word up to `width` characters; a longer word gets a line to itself.
    private func greedyLines(_ words: [String], width: Int) -> [String] {
      var lines: [String] = []
      var line = ""
      for word in words {
        if line.isEmpty {
          line = word
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          lines.append(line)
          line = word
        }
      }
      if !line.isEmpty { lines.append(line) }
      return lines
    }
  }
}
