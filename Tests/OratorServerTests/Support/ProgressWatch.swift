import Foundation

/// Polls `GET /v3/videos/{id}` until the video finishes, keeping every progress figure seen
/// while it was processing; `alongside` runs after each poll (to read another view of it).
struct ProgressWatch {
  var seen: [Double] = []
  var final = JSONValue.missing

  static func follow(
    _ id: String, with cli: HeyGenCLIClient, timeout: Duration = .seconds(240),
    alongside: () async throws -> Void = {}
  ) async throws -> ProgressWatch {
    var watch = ProgressWatch()
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let resource = try await cli.get("/v3/videos/\(id)").json["data"]
      let status = resource["status"].string ?? ""
      if status == "completed" || status == "failed" {
        watch.final = resource
        break
      }
      if status == "processing", let progress = resource["progress"].double {
        watch.seen.append(progress)
      }
      try await alongside()
      try await Task.sleep(for: .milliseconds(150))
    }
    return watch
  }
}
