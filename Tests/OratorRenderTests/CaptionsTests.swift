import OratorRender
import Testing

/// Words of one sentence spoken back to back from `start`, `step` seconds each.
private func sentence(_ text: String, from start: Double, step: Double = 0.25) -> [TimedWord] {
  text.split(separator: " ").enumerated().map { index, word in
    TimedWord(
      text: String(word), start: start + Double(index) * step,
      end: start + Double(index + 1) * step - 0.02, startsSentence: index == 0)
  }
}

/// A short example with a one-line and a two-line caption and a bridged 0.1 s gap.
private let example: [TimedWord] = [
  TimedWord(text: "Hello", start: 0, end: 0.4, startsSentence: true),
  TimedWord(text: "world.", start: 0.45, end: 0.9),
  TimedWord(text: "The", start: 1.0, end: 1.1, startsSentence: true),
  TimedWord(text: "quick", start: 1.1, end: 1.4),
  TimedWord(text: "brown", start: 1.4, end: 1.7),
  TimedWord(text: "fox", start: 1.7, end: 1.9),
  TimedWord(text: "jumps", start: 1.9, end: 2.2),
  TimedWord(text: "over", start: 2.2, end: 2.4),
  TimedWord(text: "the", start: 2.4, end: 2.5),
  TimedWord(text: "lazy", start: 2.5, end: 2.8),
  TimedWord(text: "dog.", start: 2.8, end: 3.125),
]

@Suite("Captions")
struct CaptionsTests {
  @Test("Captions break at sentence starts and long pauses, and wrap into two balanced lines")
  func grouping() {
    let cues = Captions.cues(from: example)
    #expect(
      cues == [
        CaptionCue(start: 0, end: 1.0, text: "Hello world."),
        CaptionCue(start: 1.0, end: 3.125, text: "The quick brown fox\njumps over the lazy dog."),
      ])

    let paused = [
      TimedWord(text: "Wait", start: 0, end: 0.3, startsSentence: true),
      TimedWord(text: "for", start: 0.3, end: 0.5),
      TimedWord(text: "it", start: 1.2, end: 1.4),
    ]
    #expect(
      Captions.cues(from: paused) == [
        CaptionCue(start: 0, end: 0.5, text: "Wait for"),
        CaptionCue(start: 1.2, end: 1.4, text: "it"),
      ])
  }

  @Test("A long paragraph keeps every word in order, within 2 lines of 42 characters")
  func limits() {
    let text =
      "Orator renders talking avatar videos from a script, with captions that follow the voice "
      + "closely and never cover more than two short lines at the bottom of the frame, so that "
      + "viewers can read them comfortably while still watching the presenter speak."
    let words = sentence(text, from: 0.5)
    let cues = Captions.cues(from: words)

    #expect(cues.count > 2)
    for cue in cues {
      let lines = cue.text.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count <= 2, "\(cue.text)")
      #expect(lines.allSatisfy { $0.count <= 42 && !$0.isEmpty }, "\(cue.text)")
    }
    let rejoined = cues.map { $0.text.replacingNewlinesWithSpaces() }.joined(separator: " ")
    #expect(rejoined == text)
    for (previous, next) in zip(cues, cues.dropFirst()) {
      #expect(previous.end <= next.start)
      #expect(previous.start < previous.end)
    }
    #expect(cues.first?.start == 0.5)
    #expect(cues.last?.end == words.last?.end)
    // Balanced: no caption is left with a stray word or two.
    #expect(cues.allSatisfy { $0.text.count >= 30 })
  }

  @Test("SubRip output")
  func subRip() {
    #expect(
      Captions.srt(Captions.cues(from: example)) == """
        1
        00:00:00,000 --> 00:00:01,000
        Hello world.

        2
        00:00:01,000 --> 00:00:03,125
        The quick brown fox
        jumps over the lazy dog.

        """)
  }

  @Test("WebVTT output")
  func webVTT() {
    #expect(
      Captions.webVTT(Captions.cues(from: example)) == """
        WEBVTT

        00:00:00.000 --> 00:00:01.000
        Hello world.

        00:00:01.000 --> 00:00:03.125
        The quick brown fox
        jumps over the lazy dog.

        """)
  }

  @Test("ASS output sized for the video")
  func ass() {
    #expect(
      Captions.ass(Captions.cues(from: example), width: 1920, height: 1080) == #"""
        [Script Info]
        ScriptType: v4.00+
        PlayResX: 1920
        PlayResY: 1080
        WrapStyle: 0
        ScaledBorderAndShadow: yes
        YCbCr Matrix: None

        [V4+ Styles]
        Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
        Style: Default,DejaVu Sans,54,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,2,2,96,96,54,1

        [Events]
        Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
        Dialogue: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,Hello world.
        Dialogue: 0,0:00:01.00,0:00:03.13,Default,,0,0,0,,The quick brown fox\Njumps over the lazy dog.

        """#)
  }

  @Test("Portrait video keeps the text size readable across the narrow frame")
  func assPortrait() {
    let script = Captions.ass([], width: 1080, height: 1920)
    #expect(script.contains("PlayResX: 1080\nPlayResY: 1920\n"))
    #expect(script.contains("Style: Default,DejaVu Sans,54,"))
    #expect(script.contains(",2,54,54,96,1\n"))
  }

  @Test("Special characters are escaped for each format")
  func escaping() {
    let cue = CaptionCue(start: 0, end: 1, text: "a {b} \\N <c> & d\ne")
    #expect(Captions.webVTT([cue]).contains("a {b} \\N &lt;c&gt; &amp; d\ne\n"))
    #expect(Captions.srt([cue]).contains("a {b} \\N <c> & d\ne\n"))
    #expect(
      Captions.ass([cue], width: 640, height: 360).hasSuffix(
        ",,a \\{b\\} \\\u{2060}N <c> & d\\Ne\n"))
  }

  @Test("Timestamps round once, carrying into seconds, minutes and hours")
  func timestamps() {
    let cue = CaptionCue(start: 59.9996, end: 3_723.456, text: "x")
    #expect(Captions.srt([cue]) == "1\n00:01:00,000 --> 01:02:03,456\nx\n")
    #expect(Captions.webVTT([cue]).contains("00:01:00.000 --> 01:02:03.456\n"))
    #expect(
      Captions.ass([cue], width: 640, height: 360).contains("Dialogue: 0,0:01:00.00,1:02:03.46,"))
  }

  @Test("No words, no captions; blank words are skipped")
  func empty() {
    #expect(Captions.cues(from: []).isEmpty)
    #expect(Captions.cues(from: [TimedWord(text: "  ", start: 0, end: 1)]).isEmpty)
    #expect(Captions.srt([]) == "")
    #expect(Captions.webVTT([]) == "WEBVTT\n\n")
  }
}

extension String {
  fileprivate func replacingNewlinesWithSpaces() -> String {
    split(separator: "\n").joined(separator: " ")
  }
}
