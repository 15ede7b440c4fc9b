/// What one `espeak_Synth` call produced: the samples and the events, in the order espeak-ng
/// reported them. Times are milliseconds from the start of that call.
struct EspeakRun {
  enum Event: Equatable {
    /// A sentence starts at this (0-based) character of the text.
    case sentence(character: Int)
    /// A word starts at this (0-based) character; espeak-ng sometimes reports one event for
    /// two words ("I am").
    case word(character: Int, length: Int)
    /// A phoneme in IPA; an empty name is a pause.
    case phoneme(String)
    /// The end of the text.
    case end
  }

  var samples: [Int16] = []
  var events: [(milliseconds: Int, event: Event)] = []
}
