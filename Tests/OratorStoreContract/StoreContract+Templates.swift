import Foundation
import OratorCore
import Testing

extension StoreFixture {
  /// A one-scene template with a `script` text variable.
  public func template(for account: Account, name: String = "Welcome", createdAt: Int = 0)
    -> TemplateRecord
  {
    TemplateRecord(
      id: ResourceID(random: random), accountId: account.id, name: name,
      body: .object([
        "video_inputs": .array([
          .object([
            "character": .string("{{presenter}}"),
            "voice": .object([
              "type": .string("text"), "voice_id": .string("en-us-female"),
              "input_text": .string("{{script}}"),
            ]),
          ])
        ]),
        "dimension": .object(["width": .number(720), "height": .number(1280)]),
      ]),
      variables: [
        TemplateVariable(
          name: "presenter", value: .character(id: "amara_navy_blazer", kind: .avatar)),
        TemplateVariable(name: "script", value: .text(content: "Hello there.")),
        TemplateVariable(
          name: "backdrop",
          value: .video(.asset("0123456789abcdef0123456789abcdef"), playStyle: .loop, fit: .cover)),
      ].sorted { $0.name < $1.name },
      createdAt: start.unixSeconds + createdAt)
  }
}

extension StoreContract {
  public func templatesRoundTripAndList() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let older = fixture.template(for: account, name: "Older")
    let newer = fixture.template(for: account, name: "Newer", createdAt: 10)
    try await store.createTemplate(older)
    try await store.createTemplate(newer)

    #expect(try await store.template(id: older.id, account: account.id) == older)
    #expect(try await store.listTemplates(account: account.id).map(\.name) == ["Newer", "Older"])
    // The same id twice is a conflict, an unknown account is refused.
    await #expect(throws: StoreError.self) { try await store.createTemplate(older) }
    var stray = fixture.template(for: account)
    stray.accountId = ResourceID(random: fixture.random)
    await #expect(throws: StoreError.unknownAccount(stray.accountId)) {
      try await store.createTemplate(stray)
    }
    // Survives a reopen.
    #expect(try await fixture.reopened().template(id: newer.id, account: account.id) == newer)
  }

  public func templatesBelongToTheirAccount() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let ada = try await fixture.makeAccount(name: "Ada")
    let bob = try await fixture.makeAccount(name: "Bob")
    let template = fixture.template(for: ada)
    try await store.createTemplate(template)

    #expect(try await store.template(id: template.id, account: bob.id) == nil)
    #expect(try await store.listTemplates(account: bob.id).isEmpty)
    var stolen = template
    stolen.accountId = bob.id
    stolen.name = "Mine now"
    #expect(try await store.updateTemplate(stolen) == false)
    #expect(try await store.deleteTemplate(id: template.id, account: bob.id) == nil)
    #expect(
      try await store.setTemplateThumbnail(
        id: template.id, account: bob.id, revision: 1, file: "x.jpg") == false)
    #expect(try await store.template(id: template.id, account: ada.id) == template)
  }

  public func templateUpdateThumbnailAndDelete() async throws {
    let fixture = try await fixture()
    let store = fixture.store
    let account = try await fixture.makeAccount()
    let template = fixture.template(for: account)
    try await store.createTemplate(template)
    #expect(
      try await store.setTemplateThumbnail(
        id: template.id, account: account.id, revision: 1, file: "a/1.jpg"))

    var changed = template
    changed.name = "Renamed"
    changed.variables = [TemplateVariable(name: "script", value: .text(content: "Hi."))]
    changed.revision = 2
    changed.updatedAt = fixture.at(60).unixSeconds
    changed.thumbnailFile = nil
    #expect(try await store.updateTemplate(changed))
    // A thumbnail drawn for revision 1 arrives late: it is not kept.
    #expect(
      try await store.setTemplateThumbnail(
        id: template.id, account: account.id, revision: 1, file: "a/1.jpg") == false)
    #expect(
      try await store.setTemplateThumbnail(
        id: template.id, account: account.id, revision: 2, file: "a/2.jpg"))
    changed.thumbnailFile = "a/2.jpg"
    #expect(try await store.template(id: template.id, account: account.id) == changed)

    #expect(try await store.deleteTemplate(id: template.id, account: account.id) == changed)
    #expect(try await store.template(id: template.id, account: account.id) == nil)
    #expect(try await store.deleteTemplate(id: template.id, account: account.id) == nil)
    #expect(try await store.updateTemplate(changed) == false)
  }
}
