import Testing

extension SQLiteStoreTests {
  @Test func templatesRoundTripAndList() async throws {
    try await contract.templatesRoundTripAndList()
  }
  @Test func templatesBelongToTheirAccount() async throws {
    try await contract.templatesBelongToTheirAccount()
  }
  @Test func templateUpdateThumbnailAndDelete() async throws {
    try await contract.templateUpdateThumbnailAndDelete()
  }
}
