import OratorCore

/// An account's talking photo named by a request's field: another account's photo is as
/// unknown as a made-up id, and a store that cannot answer is said so, naming the field.
struct TalkingPhotoLookup {
  var store: any Store
  var account: ResourceID

  func photo(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoRecord {
    let photo: TalkingPhotoRecord?
    do {
      photo =
        if let photoID = ResourceID(id) {
          try await store.talkingPhoto(id: photoID, account: account)
        } else {
          nil
        }
    } catch {
      throw InvalidField(path: field, message: "the talking photo cannot be looked up now")
    }
    guard let photo else {
      throw InvalidField(path: field, message: "unknown talking photo \"\(id)\"")
    }
    return photo
  }
}
