import AsyncHTTPClient
import Foundation
import Testing

@testable import OratorTranslate

@Suite(.serialized, .enabled(if: ASREnvironment.isInstalled, ASREnvironment.missingMessage))
struct WhisperSidecarTests {
  @Test func transcribesEnglishSpeechWithWordTimings() async throws {
    let sidecar = try #require(ASREnvironment.sidecar)
    let scratch = try ScratchFolder()
    let audio = scratch.file("speech.wav")
    _ = try await TestMedia.speech(
      ["Welcome to our product update.", "Today we show three new features."], to: audio)

    let transcript = try await sidecar.recognizer.transcribe(audioAt: audio, language: nil)

    #expect(transcript.language == "en")
    let heard = transcript.segments.flatMap(\.words)
    let said = words("Welcome to our product update. Today we show three new features.")
    let recognised = heard.flatMap { words($0.text) }
    #expect(Set(said).intersection(recognised).count >= said.count - 2, "heard \(recognised)")
    for (previous, next) in zip(heard, heard.dropFirst()) {
      #expect(previous.start <= next.start)
      #expect(next.start <= next.end)
    }
    #expect((heard.last?.end ?? 0) > 2)
  }

  @Test func restartsAfterStopAndNeverOutlivesItsParent() async throws {
    let sidecar = try #require(WhisperSidecar(environment: ASREnvironment.directory, threads: 1))
    let first = try await sidecar.baseURL()
    #expect(try await health(first))
    #expect(try await sidecar.baseURL() == first)
    await sidecar.stop()
    #expect(try await health(first) == false)

    let second = try await sidecar.baseURL()
    #expect(try await health(second))
    await sidecar.stop()
  }

  @Test func killedParentLeavesNoOrphan() async throws {
    // A shell stands in for Orator: it starts the sidecar reading a pipe that only the shell
    // holds open, as Orator holds the sidecar's stdin, and is then killed with SIGKILL.
    let python = ASREnvironment.directory.appendingPathComponent("bin/python").path
    let model = ASREnvironment.directory.appendingPathComponent("models/whisper-base").path
    let scratch = try ScratchFolder()
    let fifo = scratch.file("stdin").path
    let pidFile = scratch.file("pid").path
    let parent = Process()
    parent.executableURL = URL(fileURLWithPath: "/bin/sh")
    parent.arguments = [
      "-c",
      "mkfifo '\(fifo)'; '\(python)' '\(WhisperSidecar.script!.path)' --model '\(model)' "
        + "--threads 1 < '\(fifo)' > /dev/null 2>&1 & echo $! > '\(pidFile)'; "
        + "exec 3> '\(fifo)'; wait",
    ]
    try parent.run()
    var sidecarPID: Int32 = 0
    for _ in 0..<100 where sidecarPID == 0 {
      try await Task.sleep(for: .milliseconds(100))
      let text = (try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""
      sidecarPID = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
    try #require(sidecarPID > 0)
    try await Task.sleep(for: .seconds(1))
    #expect(isRunning(sidecarPID))

    kill(parent.processIdentifier, SIGKILL)
    var gone = false
    for _ in 0..<50 where !gone {
      try await Task.sleep(for: .milliseconds(100))
      gone = !isRunning(sidecarPID)
    }
    #expect(gone, "the sidecar outlived its parent")
    if !gone { kill(sidecarPID, SIGKILL) }
  }

  private func health(_ url: URL) async throws -> Bool {
    let request = HTTPClientRequest(url: url.absoluteString + "/health")
    let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2))
    return response?.status == .ok
  }

  /// Running and not a zombie waiting to be reaped.
  private func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return false
    }
    let state = stat.split(separator: ")").last?.split(separator: " ").first
    return state != "Z"
  }
}
