import HeyGenAPI

/// A picture the encoder lays over every frame (a request's `watermark`): scaled to `width`
/// pixels, `margin` pixels from its corner, at `opacity`. ffmpeg does it while encoding, so
/// it costs no drawing per frame.
struct PictureOverlay: Sendable, Equatable {
  var path: String
  var width: Int
  var corner: ImageWatermark.Position
  var marginX: Int
  var marginY: Int
  var opacity: Double

  /// The overlay a request's watermark asks for on a `frameWidth`×`frameHeight` video.
  init(_ watermark: ImageWatermark, file: String, frameWidth: Int, frameHeight: Int) {
    path = file
    // Even, at least 2 pixels, never wider than the frame.
    let wanted = Double(frameWidth) / 6 * (watermark.scale ?? 1)
    width = max(2, min(frameWidth, Int(wanted / 2) * 2))
    corner = watermark.position ?? .bottomRight
    marginX = Int(Double(frameWidth) * (watermark.offsetX ?? 0.03))
    marginY = Int(Double(frameHeight) * (watermark.offsetY ?? 0.03))
    opacity = watermark.opacity ?? 1
  }

  /// The `-filter_complex` chain that lays input `input` over `[main]`, giving `[output]`.
  func filter(input: Int, main: String, output: String) -> String {
    let x = [.topLeft, .bottomLeft].contains(corner) ? "\(marginX)" : "main_w-overlay_w-\(marginX)"
    let y = [.topLeft, .topRight].contains(corner) ? "\(marginY)" : "main_h-overlay_h-\(marginY)"
    return "[\(input):v]scale=\(width):-2,format=rgba,colorchannelmixer=aa="
      + String(format: "%.3f", opacity) + "[wm];"
      + "[\(main)][wm]overlay=x=\(x):y=\(y):shortest=1:format=yuv420[\(output)];"
  }
}
