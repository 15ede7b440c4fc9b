/// `data` of `GET /v2/voices`: the list is never null.
public struct VoiceListData: Codable, Sendable, Equatable {
  public var voices: [VoiceListItem]

  public init(voices: [VoiceListItem]) {
    self.voices = voices
  }
}
