import Foundation
import OratorCore
import Testing

extension StoreFixture {
  /// A photo with a small made-up face: three points are enough for the store.
  public func talkingPhoto(for account: Account, name: String = "Portrait", createdAt: Int = 0)
    -> TalkingPhotoRecord
  {
    let id = ResourceID(random: random)
    return TalkingPhotoRecord(
      id: id, accountId: account.id, name: name,
      imageFile: "\(account.id.rawValue)/talking_photos/\(id.rawValue).png",
      face: FaceLandmarks(
        width: 640, height: 480,
        points: [
          FacePoint(x: 300.25, y: 200.5, z: -3.5), FacePoint(x: 340, y: 210.75, z: 1),
          FacePoint(x: 320.5, y: 260, z: 0),
        ]),
      createdAt: start.unixSeconds + createdAt)
  }
}

extension StoreContract {
  public func talkingPhotosRoundTripListAndDelete() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let older = fixture.talkingPhoto(for: account, name: "Older")
    let newer = fixture.talkingPhoto(for: account, name: "Newer", createdAt: 10)
    try await store.createTalkingPhoto(older)
    try await store.createTalkingPhoto(newer)

    // The landmarks come back exactly as stored: rendering relies on them.
    #expect(try await store.talkingPhoto(id: older.id, account: account.id) == older)
    #expect(
      try await store.listTalkingPhotos(account: account.id).map(\.name) == ["Newer", "Older"])
    await #expect(throws: StoreError.self) { try await store.createTalkingPhoto(older) }

    #expect(try await store.deleteTalkingPhoto(id: older.id, account: account.id) == older)
    #expect(try await store.talkingPhoto(id: older.id, account: account.id) == nil)
    #expect(try await store.deleteTalkingPhoto(id: older.id, account: account.id) == nil)
    #expect(try await store.listTalkingPhotos(account: account.id).map(\.id) == [newer.id])
  }

  public func talkingPhotosBelongToTheirAccount() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let owner = try await fixture.makeAccount()
    let other = try await fixture.makeAccount()
    let photo = fixture.talkingPhoto(for: owner)
    try await store.createTalkingPhoto(photo)

    #expect(try await store.talkingPhoto(id: photo.id, account: other.id) == nil)
    #expect(try await store.listTalkingPhotos(account: other.id).isEmpty)
    #expect(try await store.deleteTalkingPhoto(id: photo.id, account: other.id) == nil)
    #expect(
      try await store.renameTalkingPhoto(id: photo.id, account: other.id, name: "Theirs") == nil)
    #expect(try await store.talkingPhoto(id: photo.id, account: owner.id) == photo)

    // Renamed by its owner: only the name changes, and it stays changed.
    var renamed = photo
    renamed.name = "Eileen at work"
    #expect(
      try await store.renameTalkingPhoto(id: photo.id, account: owner.id, name: "Eileen at work")
        == renamed)
    #expect(try await store.talkingPhoto(id: photo.id, account: owner.id) == renamed)
  }
}
