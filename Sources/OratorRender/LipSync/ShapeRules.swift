// Ported from Rhubarb Lip Sync (MIT licence, Copyright (c) 2015 Daniel Wolf); full notice in
// LipSync.swift. Source: rhubarb/src/animation/animation-rules.cpp (getShapeSets) and
// shape-rule.cpp.

extension LipSync {
  typealias ShapeSet = Set<MouthShape>

  /// The shapes a stretch of time may show, and the phone it comes from (nil for silence).
  struct ShapeRule: Equatable {
    var shapeSet: ShapeSet
    var phone: Phone?
    /// The whole phone's span, even when this rule covers only part of it (diphthongs,
    /// plosives); static-segment detection counts syllables by the phone's middle.
    var phoneRange: TimeRange

    static let silence = ShapeRule(shapeSet: [.X], phone: nil, phoneRange: TimeRange(0, 0))

    /// True for rules that leave the rough animation no choice and come from a vowel: these are
    /// the ones anticipated, and the ones the static-segment fix may alter.
    var isSingleShapeVowel: Bool {
      guard let phone else { return false }
      return LipSync.isVowel(phone) && shapeSet.count == 1
    }
  }

  /// Vowels, diphthongs and ER: the phones that make a syllable.
  static func isVowel(_ phone: Phone) -> Bool {
    switch phone {
    case .AO, .AA, .IY, .UW, .EH, .IH, .UH, .AH, .schwa, .AE, .EY, .AY, .OW, .AW, .OY, .ER: true
    default: false
    }
  }

  static let anyShape: ShapeSet = [.A, .B, .C, .D, .E, .F, .G, .H, .X]
  static let anyOpenShape: ShapeSet = [.B, .C, .D, .E, .F, .G, .H]

  /// The rule timeline for a continuous phone/silence timeline. Later rules overwrite earlier
  /// ones, so a plosive's occlusion cuts into the end of the phone before it.
  static func shapeRules(for segments: [Timed<Phone?>], within range: TimeRange)
    -> Timeline<ShapeRule>
  {
    var rules = Timeline(bounds: range, filledWith: ShapeRule.silence, joinsEqualNeighbours: false)
    var previousDuration = 0
    for segment in segments {
      if let phone = segment.value {
        let sets = shapeSets(
          for: phone, duration: segment.duration, previousDuration: previousDuration)
        for set in sets {
          let absolute = TimeRange(segment.start + set.start, segment.start + set.end)
          rules.set(
            absolute, ShapeRule(shapeSet: set.value, phone: phone, phoneRange: segment.range))
        }
      }
      previousDuration = segment.duration
    }
    return rules
  }

  /// Allowed shapes for one phone, timed relative to the phone's start (centiseconds).
  ///
  /// The shapes A, B, G and X look alike; apart from the very flexible sets, a set holds at
  /// most one of them, otherwise the pick between them would be arbitrary.
  static func shapeSets(for phone: Phone, duration: Int, previousDuration: Int) -> [Timed<ShapeSet>]
  {
    func single(_ shapes: ShapeSet) -> [Timed<ShapeSet>] {
      [Timed(range: TimeRange(0, duration), value: shapes)]
    }
    // The first shape of a diphthong takes 60 % of it.
    func diphthong(_ first: ShapeSet, _ second: ShapeSet) -> [Timed<ShapeSet>] {
      let firstDuration = Int(Double(duration) * 0.6)
      return [
        Timed(range: TimeRange(0, firstDuration), value: first),
        Timed(range: TimeRange(firstDuration, duration), value: second),
      ]
    }
    // The lips (or tongue) close before a plosive is heard; the release follows at the phone.
    func plosive(_ occlusion: ShapeSet, _ release: ShapeSet) -> [Timed<ShapeSet>] {
      let occlusionDuration = min(max(previousDuration / 2, 4), 12)
      return [
        Timed(range: TimeRange(-occlusionDuration, 0), value: occlusion),
        Timed(range: TimeRange(0, duration), value: release),
      ]
    }

    switch phone {
    case .AO: return single([.E])
    case .AA: return single([.D])
    case .IY: return single([.B])
    case .UW: return single([.F])
    case .EH: return single([.C])
    case .IH: return single([.B])
    case .UH: return single([.F])
    case .AH: return duration < 20 ? single([.C]) : single([.D])
    case .schwa: return single([.B, .C])
    case .AE: return single([.C])
    case .EY: return diphthong([.C], [.B])
    case .AY: return duration < 20 ? diphthong([.C], [.B]) : diphthong([.D], [.B])
    case .OW: return diphthong([.E], [.F])
    case .AW: return duration < 30 ? diphthong([.C], [.E]) : diphthong([.D], [.E])
    case .OY: return diphthong([.E], [.B])
    case .ER:
      return duration < 7
        ? shapeSets(for: .schwa, duration: duration, previousDuration: previousDuration)
        : single([.E])

    case .P, .B: return plosive([.A], anyShape)
    case .T, .D: return plosive([.B, .F], anyOpenShape)
    case .K, .G: return plosive([.B, .C, .E, .F, .H], anyOpenShape)
    case .CH, .JH: return single([.B, .F])
    case .F, .V: return single([.G])
    case .TH, .DH, .S, .Z, .SH, .ZH: return single([.B, .F])
    // Any shape fits: think "m-hm". A breath is handled the same way.
    case .HH, .breath: return single(anyShape)
    case .M: return single([.A])
    case .N: return single([.B, .C, .F, .H])
    case .NG: return single([.B, .C, .E, .F])
    case .L: return duration < 20 ? single([.B, .E, .F, .H]) : single([.H])
    case .R: return single([.B, .E, .F])
    case .Y: return single([.B, .C, .F])
    case .W: return single([.F])
    }
  }
}
