import HeyGenAPI
import OratorCore

/// Backgrounds decoded before any frame is drawn, so an unreadable picture or video is
/// reported against its field and no encode starts for a request that cannot finish.
struct SceneBackdrops {
  private var images: [String: FrameCanvas] = [:]

  static func key(_ path: String, _ fit: BackgroundFit) -> String { "\(fit.rawValue):\(path)" }

  static func prepare(_ plans: [ScenePlan], width: Int, height: Int) async throws(InvalidField)
    -> SceneBackdrops
  {
    var backdrops = SceneBackdrops()
    for plan in plans {
      let field = "video_inputs[\(plan.index)].background"
      switch plan.backdrop {
      case .color:
        break
      case .image(let path, let fit):
        let key = key(path, fit)
        guard backdrops.images[key] == nil else { continue }
        let canvas = FrameCanvas(width: width, height: height)
        do {
          try await BackgroundImage.load(path: path, fit: fit, into: canvas)
        } catch {
          throw InvalidField(path: field, message: "cannot read image: \(error.message)")
        }
        backdrops.images[key] = canvas
      case .video(let path, _, _):
        do throws(FFmpegError) {
          let streams = try await FFmpeg.probe([
            "-select_streams", "v:0", "-show_entries", "stream=codec_type", "-of", "csv=p=0", path,
          ])
          guard streams.contains("video") else {
            throw FFmpegError(tool: "ffprobe", message: "no video stream")
          }
        } catch {
          throw InvalidField(path: field, message: "cannot read video: \(error.message)")
        }
      }
    }
    return backdrops
  }

  func image(_ path: String, _ fit: BackgroundFit) -> FrameCanvas? {
    images[Self.key(path, fit)]
  }
}
