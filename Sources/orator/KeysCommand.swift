import ArgumentParser
import Foundation
import OratorCore
import OratorServer

/// `orator keys create|list|revoke`: API keys, stored hashed; each belongs to an account.
struct KeysCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys", abstract: "Manage API keys.",
    subcommands: [Create.self, List.self, Revoke.self])

  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create a key; for a new account unless --account names one.")
    @OptionGroup var data: DataOptions
    @Option(help: "Account id to add the key to.") var account: String?
    @Option(help: "A label to recognise the key by.") var label = "cli"
    @Option(help: "The new account's name (default: the label), e.g. \"Ada Lovelace\".")
    var name: String?
    @Option(help: "The new account's email address, shown by GET /v3/users/me.")
    var email: String?
    @Flag(help: "Print JSON {\"key\", \"key_id\", \"account_id\"}.") var json = false

    func validate() throws {
      if account != nil, name != nil || email != nil {
        throw ValidationError("--name and --email describe a new account; leave out --account")
      }
      if let email {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), email.count <= 254,
          !email.contains(where: \.isWhitespace)
        else { throw ValidationError("--email \(email) is not an email address") }
      }
      if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 200 {
        throw ValidationError("--name must have 1 to 200 characters")
      }
    }

    func run() async throws {
      let environment = try await openEnvironment(data)
      let store = environment.store
      let now = environment.clock.now().unixSeconds
      let accountID: ResourceID
      if let account {
        guard let id = ResourceID(account), try await store.account(id: id) != nil else {
          throw ValidationError("no account \(account)")
        }
        accountID = id
      } else {
        accountID = ResourceID(random: environment.random)
        try await store.createAccount(
          Account(
            id: accountID, name: name?.trimmingCharacters(in: .whitespaces) ?? label,
            email: email, createdAt: now),
          credit: environment.configuration.initialCreditSeconds)
      }
      let issued = APIKeyIssuer(random: environment.random).issue(
        for: accountID, label: label, createdAt: now)
      try await store.addKey(issued.record, hash: issued.hash)
      if json {
        print(
          #"{"key":"\#(issued.key)","key_id":"\#(issued.record.id.rawValue)","account_id":"\#(accountID.rawValue)"}"#
        )
      } else {
        print("key:     \(issued.key)   (shown once; store it now)")
        print("key id:  \(issued.record.id.rawValue)")
        print("account: \(accountID.rawValue)")
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List keys (never the keys themselves).")
    @OptionGroup var data: DataOptions

    func run() async throws {
      let store = try await openEnvironment(data).store
      for account in try await store.accounts() {
        for key in try await store.keys(account: account.id) {
          let state = key.revokedAt == nil ? "active" : "revoked"
          print(
            "\(key.id.rawValue)  account \(account.id.rawValue)  …\(key.hint)  \(key.label)  \(state)"
          )
        }
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke a key by its id.")
    @OptionGroup var data: DataOptions
    @Argument(help: "The key id (from `orator keys list`).") var keyID: String

    func run() async throws {
      let environment = try await openEnvironment(data)
      guard let id = ResourceID(keyID) else { throw ValidationError("not a key id: \(keyID)") }
      for account in try await environment.store.accounts() {
        if try await environment.store.revokeKey(
          id: id, account: account.id, now: environment.clock.now())
        {
          print("revoked \(keyID)")
          return
        }
      }
      throw ValidationError("no active key \(keyID)")
    }
  }
}

/// The store a server with the same settings uses. A SQLite data folder must already hold
/// one: a mistyped or missing `--data-dir` (or a command run from another folder) is refused
/// rather than met with a new, empty store that no server reads.
func openEnvironment(_ data: DataOptions) async throws -> ServerEnvironment {
  let settings = try await data.config.settings()
  var configuration = ServerConfiguration()
  configuration.dataDirectory = try await data.directory(settings)
  configuration.databaseURL = try await data.database(settings)
  configuration.initialCreditSeconds =
    try await settings.int(nil, "initial-credit", must: "0 or more", where: { $0 >= 0 })
    ?? configuration.initialCreditSeconds
  try ExistingStore.require(configuration)
  return try await ServerEnvironment.open(configuration)
}

/// Refuses to open a SQLite data folder that holds no store.
enum ExistingStore {
  static func require(_ configuration: ServerConfiguration) throws {
    guard configuration.databaseURL == nil else { return }
    let file = (configuration.dataDirectory as NSString).appendingPathComponent("orator.sqlite")
    guard FileManager.default.fileExists(atPath: file) else {
      throw ValidationError(
        "no Orator store in \(configuration.dataDirectory) (no orator.sqlite): give the server's --data-dir or ORATOR_DATA_DIR, or --database-url"
      )
    }
  }
}
