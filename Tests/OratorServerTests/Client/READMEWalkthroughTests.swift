import Foundation
import Testing

/// The CLI walkthrough the README shows a newcomer, run line by line as a shell would run it.
@Suite struct READMEWalkthroughTests {
  static let marker = "<!-- cli-walkthrough:"

  /// The commands of the README's marked block, continuation lines joined, `export` lines
  /// left out (the test sets the environment itself).
  static func walkthrough() throws -> [String] {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let afterMarker = try #require(text.range(of: marker), "README has no \(marker) block")
    let rest = text[afterMarker.upperBound...]
    let open = try #require(rest.range(of: "```sh\n"))
    let close = try #require(rest[open.upperBound...].range(of: "\n```"))
    var commands: [String] = []
    var pending = ""
    for line in rest[open.upperBound..<close.lowerBound].split(separator: "\n") {
      if line.hasSuffix("\\") {
        pending += line.dropLast() + " "
        continue
      }
      commands.append(pending + line)
      pending = ""
    }
    return commands.filter { !$0.hasPrefix("export ") }
  }

  /// A command's words before its first option: `orator video create`, `orator quota`.
  static func name(of command: String) -> String {
    command.split(separator: " ").prefix { !$0.hasPrefix("-") }.joined(separator: " ")
  }

  @Test func commandsAreNamedUpToTheirFirstOption() {
    #expect(Self.name(of: "orator video create --avatar a --wait") == "orator video create")
    #expect(Self.name(of: "orator video list") == "orator video list")
    #expect(Self.name(of: "orator voices --language English") == "orator voices")
  }

  @Test func theREADMEWalkthroughWorks() async throws {
    let commands = try Self.walkthrough()
    #expect(commands.first == "orator avatars")
    #expect(commands.contains { $0.contains("--wait --download hello.mp4") })
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await TestServer.with { server in
      let shell = CLI(server: server, directory: folder)
      var outputs: [String: String] = [:]
      for command in commands {
        let run = try await shell.shell(command)
        #expect(run.status == 0, "\(command)\n\(run)")
        outputs[Self.name(of: command)] = run.stdout
      }
      #expect(outputs["orator avatars"]?.contains("amara_navy_blazer") == true)
      #expect(outputs["orator voices"]?.contains("en-us-female") == true)
      let created = try #require(outputs["orator video create"], "\(outputs.keys)")
      let id = try #require(
        created.split(separator: "\n").first { $0.hasPrefix("video_id:") }?
          .split(separator: " ").last.map(String.init),
        "\(created)")
      #expect(id.count == 32 && id.allSatisfy(\.isHexDigit), "\(created)")
      #expect(created.contains("status:    completed"), "\(created)")
      #expect(created.contains("file:      hello.mp4"), "\(created)")
      let listed = try #require(outputs["orator video list"], "\(outputs.keys)")
      #expect(
        listed.split(separator: "\n").contains { $0.hasPrefix(id) && $0.contains("completed") })
      #expect(outputs["orator quota"]?.contains("remaining quota") == true)
      let probe = try await MediaProbe(path: folder.appendingPathComponent("hello.mp4").path)
      #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
      #expect(probe.width == 1280 && probe.height == 720)
    }
  }
}
