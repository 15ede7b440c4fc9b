import ArgumentParser
import Foundation
import HeyGenAPI
import OratorKit

/// `orator webhook add|list|update|delete|rotate-secret|deliveries`: the receivers a server
/// tells about finished videos, and what it sent them.
struct WebhookCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "webhook",
    abstract: "Register, list, change and delete webhook receivers; see what was delivered.",
    subcommands: [
      Add.self, List.self, Update.self, Delete.self, RotateSecret.self, Deliveries.self,
    ])

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Register a receiver (it must answer OPTIONS with 2xx). Prints its id and signing secret.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The receiver's URL.") var url: String
    @Option(
      name: .customLong("event"),
      help: "An event it wants (repeatable; default: every event). See `webhook add --help`.")
    var events: [String] = []
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let endpoint = try await client.webhooks.add(
          url: url, events: events.isEmpty ? nil : events)
        if output.json { return try printJSON(endpoint) }
        print("endpoint_id: \(endpoint.endpointId)")
        print("secret:      \(endpoint.secret)")
        print("events:      \(endpoint.events?.joined(separator: ", ") ?? "every event")")
      }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the account's receivers.")
    @OptionGroup var server: ServerConnection
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let endpoints = try await client.webhooks.list()
        if output.json { return try printJSON(endpoints) }
        var table = Table("ENDPOINT ID", "STATUS", "EVENTS", "URL")
        for endpoint in endpoints {
          table.add(
            endpoint.endpointId, endpoint.status,
            endpoint.events?.joined(separator: ",") ?? "all", endpoint.url)
        }
        table.print()
      }
    }
  }

  struct Update: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a receiver's URL, its events, or pause and resume it.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The endpoint id.") var id: String
    @Option(help: "A new URL (probed like a new receiver).") var url: String?
    @Option(name: .customLong("event"), help: "The events it wants (repeatable; replaces them).")
    var events: [String] = []
    @Flag(help: "Every event from now on, including kinds added later.") var allEvents = false
    @Flag(help: "Stop deliveries, pending retries included.") var disable = false
    @Flag(help: "Resume deliveries.") var enable = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
      if disable && enable { throw ValidationError("give --enable or --disable, not both") }
      if allEvents && !events.isEmpty {
        throw ValidationError("give --event or --all-events, not both")
      }
      if url == nil && events.isEmpty && !allEvents && !disable && !enable {
        throw ValidationError(
          "nothing to change: give --url, --event, --all-events, --enable or --disable")
      }
    }

    func run() async throws {
      let client = try server.client()
      let status = disable ? "disabled" : enable ? "enabled" : nil
      try await reportingFailures {
        let endpoint =
          if allEvents {
            try await client.webhooks.update(id: id, url: url, events: .every, status: status)
          } else {
            try await client.webhooks.update(
              id: id, url: url, events: events.isEmpty ? nil : events, status: status)
          }
        if output.json { return try printJSON(endpoint) }
        print("\(endpoint.endpointId)  \(endpoint.status)  \(endpoint.url)")
      }
    }
  }

  struct Delete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete a receiver; its undelivered events are dropped.")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The endpoint id.") var id: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        try await client.webhooks.delete(id: id)
        if output.json { return try printJSON(Deletion(idKey: "endpoint_id", id: id)) }
        print("deleted \(id)")
      }
    }
  }

  struct RotateSecret: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rotate-secret",
      abstract: "Give a receiver a new signing secret; prints it (it is not shown again).")
    @OptionGroup var server: ServerConnection
    @Argument(help: "The endpoint id.") var id: String
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let secret = try await client.webhooks.rotateSecret(id: id)
        if output.json {
          return try printJSON(V3WebhookSecret(endpointId: id, secret: secret))
        }
        print(secret)
      }
    }
  }

  struct Deliveries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Recent events and every attempt to deliver them, newest first.")
    @OptionGroup var server: ServerConnection
    @Option(help: "Only this receiver's events.") var endpoint: String?
    @Option(help: "How many events (1–100).") var limit = 20
    @OptionGroup var output: OutputOptions

    func run() async throws {
      let client = try server.client()
      try await reportingFailures {
        let deliveries = try await client.webhooks.deliveries(endpointID: endpoint, limit: limit)
        if output.json { return try printJSON(deliveries) }
        var table = Table("EVENT ID", "EVENT", "STATUS", "ATTEMPTS", "LAST ANSWER", "URL")
        for delivery in deliveries {
          let last = delivery.attempts.last
          let answer = last.map { $0.statusCode.map { "HTTP \($0)" } ?? ($0.error ?? "-") } ?? "-"
          table.add(
            delivery.eventId, delivery.eventType, delivery.status,
            String(delivery.attempts.count), answer, delivery.url ?? "-")
        }
        table.print()
      }
    }
  }
}
