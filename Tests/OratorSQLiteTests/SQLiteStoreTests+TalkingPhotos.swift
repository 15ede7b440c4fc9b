import Testing

extension SQLiteStoreTests {
  @Test func talkingPhotosRoundTripListAndDelete() async throws {
    try await contract.talkingPhotosRoundTripListAndDelete()
  }
  @Test func talkingPhotosBelongToTheirAccount() async throws {
    try await contract.talkingPhotosBelongToTheirAccount()
  }
}
