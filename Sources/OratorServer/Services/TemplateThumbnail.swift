import Foundation
import HeyGenAPI
import OratorCore
import OratorRender

/// Draws a template's `thumbnail_image_url`: a real render of its first scene with every
/// variable at its default, small and short (the first few words), so it costs about a
/// second. The frame is kept as `media/<account>/templates/<id>/thumbnail-<revision>.jpg`.
struct TemplateThumbnail {
  var environment: ServerEnvironment
  /// Words of the first scene's script spoken in the thumbnail render.
  var words = 6
  /// The longer side of the render, in pixels.
  var longSide = 320
  /// A thumbnail of a few words takes about a second; one that takes this long never ends.
  static let wallTime: Duration = .seconds(120)

  /// Renders the thumbnail and returns its path relative to the media folder.
  func draw(_ template: TemplateRecord) async throws(RenderError) -> String {
    var request: VideoGenerateRequest
    do {
      request = try template.defaultRequest()
    } catch {
      throw .invalidInput(error)
    }
    request.videoInputs = Array(request.videoInputs.prefix(1))
    if case .text(var voice) = request.videoInputs[0].voice {
      voice.inputText = voice.inputText.split(separator: " ").prefix(words).joined(separator: " ")
      request.videoInputs[0].voice = .text(voice)
    }
    request.dimension = smallSize(template.dimension)
    request.caption = false
    request.test = false

    let scratch = (environment.configuration.scratchDirectory as NSString)
      .appendingPathComponent("template-\(template.id.rawValue)-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let directory = "\(template.accountId.rawValue)/templates/\(template.id.rawValue)"
    let relative = "\(directory)/thumbnail-\(template.revision).jpg"
    do {
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(
        atPath: environment.media.absolutePath(directory), withIntermediateDirectories: true)
    } catch {
      throw .failed("cannot prepare the thumbnail folder: \(error.localizedDescription)")
    }
    // Media is fetched here, the render runs in a render process: a template's content is a
    // user's input like any video's, and must not reach Cairo or espeak-ng in the server.
    let fetching = VideoRenderer(
      avatars: environment.avatars, speech: environment.speech,
      media: ServerMediaResolver(
        account: template.accountId, environment: environment, scratchDirectory: scratch))
    var limits = environment.configuration.renderLimits
    limits.wallTime = min(limits.wallTime, Self.wallTime)
    let rendered: RenderedVideo
    do {
      rendered = try await RenderSandbox(
        executable: environment.configuration.renderExecutable, limits: limits
      ).render(
        request, fetchingWith: fetching,
        to: (scratch as NSString).appendingPathComponent("video.mp4"),
        budget: RenderBudget(maxVideoSeconds: environment.configuration.maxVideoSeconds),
        scratch: scratch, retryingACrash: false)
    } catch .render(let error) {
      throw error
    } catch {
      throw .failed(error.description)
    }
    let target = environment.media.absolutePath(relative)
    do {
      try? FileManager.default.removeItem(atPath: target)
      try FileManager.default.moveItem(atPath: rendered.thumbnailPath, toPath: target)
    } catch {
      throw .failed("cannot keep the thumbnail: \(error.localizedDescription)")
    }
    return relative
  }

  /// The template's shape at `longSide` pixels, even on both sides and at least 128.
  func smallSize(_ size: HeyGenAPI.Dimension) -> HeyGenAPI.Dimension {
    func even(_ value: Double) -> Int { max(128, Int((value / 2).rounded()) * 2) }
    let scale = Double(longSide) / Double(max(size.width, size.height))
    return HeyGenAPI.Dimension(
      width: even(Double(size.width) * scale), height: even(Double(size.height) * scale))
  }

  /// Removes every file kept for a template (after delete).
  func remove(_ template: TemplateRecord) {
    let directory = "\(template.accountId.rawValue)/templates/\(template.id.rawValue)"
    try? FileManager.default.removeItem(atPath: environment.media.absolutePath(directory))
  }
}
