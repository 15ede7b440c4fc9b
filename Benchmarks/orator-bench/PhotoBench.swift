import Foundation
import HeyGenAPI
import OratorCore
import OratorRender

/// `orator-bench photo [seconds]`: a talking photo (scikit-image's astronaut from the test
/// photos) speaking about `seconds` (default 60) at 1920×1080, against x264 alone encoding a
/// still 1080p frame of the same length with the same settings, in the same run; prints the
/// ratio, the per-frame time of the face alone, and the landmark time when the finder is
/// installed (`scripts/setup-facemesh.sh`). The two alternate for ORATOR_BENCH_ROUNDS rounds
/// (default 3); the ratio is printed of the fastest runs and of the median runs.
func benchPhoto(seconds: Double, encoder: EncoderSettings) async throws {
  let photos = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Tests/Photos")
  let picture = photos.appendingPathComponent("astronaut.jpg").path
  let face = try JSONDecoder().decode(
    FaceLandmarks.self,
    from: Data(contentsOf: photos.appendingPathComponent("astronaut.landmarks.json")))
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "orator-bench-photo-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let clock = ContinuousClock()
  func wall(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
  print(
    "photo: astronaut, 1920x1080, x264 \(encoder.preset) \(encoder.x264Options ?? ""), \(ProcessInfo.processInfo.activeProcessorCount) cores"
  )

  // The talking photo.
  let once = try await EspeakSynthesizer.shared.synthesize(paragraph, voiceID: "en-us-female")
  let repeats = max(1, Int((seconds / once.duration).rounded()))
  let script = Array(repeating: paragraph, count: repeats).joined(separator: " ")
  let request = VideoGenerateRequest(
    videoInputs: [
      VideoInput(
        character: .talkingPhoto(TalkingPhotoCharacter(talkingPhotoId: "astronaut")),
        voice: .text(TextVoice(voiceId: "en-us-female", inputText: script)),
        background: .color("#F4F6FB"))
    ], dimension: Dimension(width: 1920, height: 1080))
  let renderer = VideoRenderer(
    media: BenchPhotoMedia(
      local: LocalMediaResolver(scratchDirectory: scratch.path),
      photo: TalkingPhotoFile(path: picture, face: face)),
    encoder: encoder)
  // x264 alone: one still 1080p frame (the photo as the video shows it) for as long, read as
  // raw frames so that only the encoder is timed.
  let raw = scratch.appendingPathComponent("still.yuv").path
  try await FFmpeg.run(
    [
      "-i", picture, "-frames:v", "1", "-vf",
      "scale=-2:1080,pad=1920:1080:(ow-iw)/2:0:color=0xF4F6FB,format=yuv420p", "-f", "rawvideo",
      raw,
    ])
  let still = scratch.appendingPathComponent("still.mp4").path

  // The two alternate, round after round: on a shared machine the load changes from one
  // minute to the next, and both should see the same.
  let rounds = max(1, Int(ProcessInfo.processInfo.environment["ORATOR_BENCH_ROUNDS"] ?? "") ?? 3)
  var photoRuns: [Double] = []
  var stillRuns: [Double] = []
  var duration = 0.0
  var cpu = (orator: 0.0, ffmpeg: 0.0)
  for _ in 0..<rounds {
    let start = clock.now
    let (ownCPU, childCPU) = (cpuSeconds(RUSAGE_SELF), cpuSeconds(RUSAGE_CHILDREN))
    let video = try await renderer.render(
      request, to: scratch.appendingPathComponent("photo.mp4").path)
    photoRuns.append(wall(clock.now - start))
    // ORATOR_BENCH_KEEP names a folder to keep the talking photo's MP4 in, to look at.
    if let keep = ProcessInfo.processInfo.environment["ORATOR_BENCH_KEEP"] {
      let kept = URL(fileURLWithPath: keep).appendingPathComponent("photo.mp4")
      try? FileManager.default.removeItem(at: kept)
      try FileManager.default.copyItem(atPath: video.videoPath, toPath: kept.path)
    }
    cpu = (cpuSeconds(RUSAGE_SELF) - ownCPU, cpuSeconds(RUSAGE_CHILDREN) - childCPU)
    duration = video.duration
    let stillStart = clock.now
    try await FFmpeg.run(
      [
        "-stream_loop", "-1", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", "1920x1080",
        "-framerate", "25", "-i", raw, "-frames:v", String(Int((duration * 25).rounded())),
        "-c:v", "libx264", "-preset", encoder.preset, "-tune", "stillimage", "-crf",
        String(encoder.crf),
      ] + (encoder.x264Options.map { ["-x264-params", $0] } ?? []) + [still])
    stillRuns.append(wall(clock.now - stillStart))
  }
  func median(_ runs: [Double]) -> Double {
    let sorted = runs.sorted()
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }
  let photoSeconds = photoRuns.min()!
  let stillSeconds = stillRuns.min()!

  print(
    String(
      format:
        "  talking photo: %.1f s of video in %.1f s fastest, %.1f s median (%.3f × real time)",
      duration, photoSeconds, median(photoRuns), photoSeconds / duration))
  print(
    String(
      format: "    CPU of the last run: orator %.1f s, ffmpeg %.1f s (encode, previews, captions)",
      cpu.orator, cpu.ffmpeg))
  print(
    String(
      format: "  x264 alone, still frame: %.1f s fastest, %.1f s median", stillSeconds,
      median(stillRuns)))
  print(
    String(
      format: "  ratio (target ≤ 1.6): %.2f fastest to fastest, %.2f median to median (%d rounds)",
      photoSeconds / stillSeconds, median(photoRuns) / median(stillRuns), rounds))
  let perFrame = try await PhotoFrameTiming.milliseconds(
    picture: picture, face: face, width: 1920, height: 1080)
  print(String(format: "  face per frame at 1080p: %.2f ms", perFrame))

  let venv = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    .appendingPathComponent(".venv-facemesh")
  if let finder = FaceLandmarkFinder(environment: venv) {
    let landmarkStart = clock.now
    _ = try await finder.face(
      inPictureAt: picture, writingTo: scratch.appendingPathComponent("found.png").path)
    print(
      String(
        format: "  landmarks (one upload, process start included): %.2f s",
        wall(clock.now - landmarkStart)))
  }
}

/// Serves the one benchmark photo under any id.
struct BenchPhotoMedia: MediaResolver {
  var local: LocalMediaResolver
  var photo: TalkingPhotoFile

  func file(forURL url: String, kind: MediaKind, field: String) async throws(InvalidField) -> String
  {
    try await local.file(forURL: url, kind: kind, field: field)
  }

  func file(forAsset id: String, kind: MediaKind, field: String) async throws(InvalidField)
    -> String
  {
    try await local.file(forAsset: id, kind: kind, field: field)
  }

  func talkingPhoto(_ id: String, field: String) async throws(InvalidField) -> TalkingPhotoFile {
    photo
  }
}
