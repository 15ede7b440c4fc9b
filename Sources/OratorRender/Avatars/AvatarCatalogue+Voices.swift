extension AvatarCatalogue {
  /// `avatars` with each default espeak-ng voice replaced by a neural voice (Piper first, then
  /// a speech server's) of the same locale and gender where one is installed: with Piper's
  /// "joe" installed, the US male presenters speak with it.
  public static func preferringNeuralVoices(
    _ avatars: [AvatarDefinition], voices: [VoiceDescriptor]
  ) -> [AvatarDefinition] {
    let byID = Dictionary(voices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let neural = voices.filter { $0.engine != .espeak }.sorted {
      ($0.engine == .piper ? 0 : 1, $0.id) < ($1.engine == .piper ? 0 : 1, $1.id)
    }
    return avatars.map { avatar in
      guard let current = byID[avatar.defaultVoiceId], current.engine == .espeak,
        let better = neural.first(where: {
          $0.locale.lowercased() == current.locale.lowercased() && $0.gender == current.gender
        })
      else { return avatar }
      var changed = avatar
      changed.defaultVoiceId = better.id
      return changed
    }
  }
}
