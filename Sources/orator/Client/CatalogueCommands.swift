import ArgumentParser
import Foundation
import HeyGenAPI
import OratorKit

/// `orator avatars`: the presenters a video can use.
struct AvatarsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "avatars", abstract: "List the avatars (presenters) of the server.")
  @OptionGroup var server: ServerConnection
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let client = try server.client()
    try await reportingFailures {
      let listing = try await client.avatars.listing()
      if output.json { return try printJSON(listing) }
      var table = Table("AVATAR ID", "NAME", "GENDER", "DEFAULT VOICE")
      for avatar in listing.avatars {
        table.add(avatar.avatarId, avatar.avatarName, avatar.gender, avatar.defaultVoiceId ?? "-")
      }
      table.print()
    }
  }
}

/// `orator voices [--language L] [--gender G]`.
struct VoicesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "voices", abstract: "List the voices of the server.")
  @OptionGroup var server: ServerConnection
  @Option(help: "Only this language: an English name (English) or a locale (en, en-GB).")
  var language: String?
  @Option(help: "Only this gender: female or male.") var gender: String?
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let client = try server.client()
    try await reportingFailures {
      let voices = try await client.voices.list(language: language, gender: gender)
      if output.json { return try printJSON(VoiceListData(voices: voices)) }
      var table = Table("VOICE ID", "LANGUAGE", "LOCALE", "GENDER", "NAME")
      for voice in voices {
        table.add(voice.voiceId, voice.language, voice.locale, voice.gender, voice.name)
      }
      table.print()
    }
  }
}

/// `orator quota`: what the account can still render.
struct QuotaCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quota", abstract: "Show the account's remaining quota.")
  @OptionGroup var server: ServerConnection
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let client = try server.client()
    try await reportingFailures {
      let quota = try await client.account.remainingQuota()
      if output.json { return try printJSON(quota) }
      // Both Orator and HeyGen count the quota in seconds of video.
      print(
        "remaining quota: \(quota.remainingQuota) s (\(quota.remainingQuota / 60) min of video)")
      print("api:             \(quota.details.api) s")
    }
  }
}

/// `orator languages`: what `orator translate --language` accepts.
struct LanguagesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "languages", abstract: "List the languages videos can be translated into.")
  @OptionGroup var server: ServerConnection
  @OptionGroup var output: OutputOptions

  func run() async throws {
    let client = try server.client()
    try await reportingFailures {
      let languages = try await client.translations.targetLanguages()
      if output.json { return try printJSON(["languages": languages]) }
      for language in languages { print(language) }
    }
  }
}
