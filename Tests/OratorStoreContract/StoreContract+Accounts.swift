import Foundation
import OratorCore
import Testing

extension StoreContract {
  public func keyLookupByHash() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount()
    let issued = APIKeyIssuer(random: fixture.random)
      .issue(for: account.id, label: "laptop", createdAt: fixture.start.unixSeconds)
    try await fixture.store.addKey(issued.record, hash: issued.hash)

    #expect(try await fixture.store.account(forKeyHash: APIKeyHash(key: issued.key)) == account)
    #expect(try await fixture.store.account(forKeyHash: APIKeyHash(key: issued.key + "x")) == nil)
    #expect(try await fixture.store.keys(account: account.id) == [issued.record])
    await #expect(throws: StoreError.self) {
      try await fixture.store.addKey(issued.record, hash: issued.hash)
    }
  }

  public func revokedKeyStopsWorking() async throws {
    let fixture = try await fixture()
    let account = try await fixture.makeAccount()
    let other = try await fixture.makeAccount(name: "Grace")
    let issued = APIKeyIssuer(random: fixture.random)
      .issue(for: account.id, label: "ci", createdAt: fixture.start.unixSeconds)
    try await fixture.store.addKey(issued.record, hash: issued.hash)
    let hash = APIKeyHash(key: issued.key)

    #expect(
      try await fixture.store.revokeKey(id: issued.record.id, account: other.id, now: fixture.at(5))
        == false)
    #expect(try await fixture.store.account(forKeyHash: hash) == account)
    #expect(
      try await fixture.store.revokeKey(
        id: issued.record.id, account: account.id, now: fixture.at(10)))
    #expect(try await fixture.store.account(forKeyHash: hash) == nil)
    #expect(
      try await fixture.store.revokeKey(
        id: issued.record.id, account: account.id, now: fixture.at(20)) == false)
    let keys = try await fixture.store.keys(account: account.id)
    #expect(keys.map(\.revokedAt) == [fixture.at(10).unixSeconds])
  }

  public func keyForUnknownAccountIsRefused() async throws {
    let fixture = try await fixture()
    let stranger = ResourceID(random: fixture.random)
    let issued = APIKeyIssuer(random: fixture.random).issue(for: stranger, label: "x", createdAt: 0)
    await #expect(throws: StoreError.unknownAccount(stranger)) {
      try await fixture.store.addKey(issued.record, hash: issued.hash)
    }
    await #expect(throws: StoreError.unknownAccount(stranger)) {
      try await fixture.store.remainingCredit(account: stranger)
    }
  }

  public func accountsAreListedAndCreditAdded() async throws {
    let fixture = try await fixture()
    let first = try await fixture.makeAccount(credit: 100)
    let second = try await fixture.makeAccount(
      credit: 0, name: "Grace Hopper", email: "grace@example.com")
    #expect(Set(try await fixture.store.accounts().map(\.id)) == [first.id, second.id])
    #expect(try await fixture.store.account(id: second.id) == second)
    #expect(try await fixture.store.account(id: second.id)?.email == "grace@example.com")
    #expect(try await fixture.store.account(id: first.id)?.email == nil)
    #expect(try await fixture.store.addCredit(account: second.id, seconds: 60) == 60)
    #expect(try await fixture.store.remainingCredit(account: second.id) == 60)
    #expect(try await fixture.store.remainingCredit(account: first.id) == 100)
  }

  public func accountIsolation() async throws {
    let fixture = try await fixture()
    let owner = try await fixture.makeAccount()
    let other = try await fixture.makeAccount(name: "Grace")
    let video = try await fixture.makeVideo(for: owner)

    #expect(try await fixture.store.video(id: video.id, account: other.id) == nil)
    #expect(
      try await fixture.store.listVideos(account: other.id, limit: 100, after: nil).videos.isEmpty)
    #expect(
      try await fixture.store.deleteVideo(id: video.id, account: other.id, now: fixture.at(1))
        == nil)
    #expect(try await fixture.store.activeRenderCount(account: other.id) == 0)
    #expect(try await fixture.store.video(id: video.id, account: owner.id) == video)
    #expect(
      try await fixture.store.listVideos(account: owner.id, limit: 100, after: nil).videos == [
        video
      ])
  }
}
