// orator-bench: speed targets, printed as ratios and rates (never asserted in tests).
//
//   swift run -c release orator-bench render [seconds] [--preset-only]
//   swift run -c release orator-bench avatars
//   swift run -c release orator-bench photo [seconds]
//   swift run -c release orator-bench translate [seconds]
//   swift run -c release orator-bench voices [seconds]
//   swift run -c release orator-bench submits [--videos 1000] [--concurrency 1000] [--workers 2]
//                                             [--submit-only] [--keep-data] [--orator PATH]
//
// `render` renders a script of about `seconds` (default 60) at 1920×1080 and 1280×720 with the
// default encoder (x264 veryfast) and prints render time ÷ video duration and peak memory.
// `photo` renders a talking photo speaking about `seconds` (default 60) at 1920×1080 and, in
// the same run, x264 alone encoding a still 1080p frame as long; prints the ratio (target
// ≤ 1.6), the face's time per frame and, with scripts/setup-facemesh.sh, the landmark time.
// `avatars` prints the Cairo draw time per frame of every presenter at 1920×1080.
// `translate` dubs an English test video of about `seconds` (default 30) into Spanish with the
// built-in engines and prints wall time ÷ duration per stage (needs scripts/setup-asr.sh).
// `voices` compares Piper's en-us-joe with espeak-ng: the word error rate of a 100-word
// paragraph as the Whisper sidecar hears each (needs scripts/setup-asr.sh), Piper's real-time
// factor, and a `seconds` (default 60) 1920×1080 render with espeak-ng and with Piper speaking
// one and two requests at once (`--piper-parallel-requests`), alternating for
// ORATOR_BENCH_ROUNDS rounds (default 2); prints each round's Piper ÷ espeak-ng render time as
// min, median and max (needs scripts/setup-piper.sh).
// `submits` starts `orator serve` (the binary beside this one: `swift build -c release --product
// orator` first), submits `--videos` generate requests from `--concurrency` clients at once and
// prints submits per second against GET /healthz in the same run, checks video.list lists each
// once, restarts the server with `--workers` in-process workers and prints the time to drain
// them, and prints peak memory of the server and its render processes.
import CCairo
import Foundation
import HeyGenAPI
import OratorRender

#if canImport(Glibc)
  import Glibc
#endif

let paragraph = """
  Welcome to the quarterly product update. This quarter we shipped faster rendering, \
  better captions and a cleaner dashboard. Our customers told us what they needed, and we \
  listened. Let me walk you through the three changes that matter most, and what comes next. \
  First, videos now render in a fraction of the time they used to. Second, captions follow \
  every word. Third, the new dashboard shows each job as it happens.
  """

func peakMemoryMiB(_ who: __rusage_who) -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(who.rawValue), &usage)
  return Double(usage.ru_maxrss) / 1024
}

/// CPU seconds (user + system) used so far by this process or by its finished children.
func cpuSeconds(_ who: __rusage_who) -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(who.rawValue), &usage)
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func benchRender(seconds: Double, encoder: EncoderSettings) async throws {
  // Repeat the paragraph as often as it takes to last about `seconds`.
  let once = try await EspeakSynthesizer.shared.synthesize(paragraph, voiceID: "en-us-female")
  let repeats = max(1, Int((seconds / once.duration).rounded()))
  let script = Array(repeating: paragraph, count: repeats).joined(separator: " ")
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "orator-bench-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let renderer = VideoRenderer(
    media: LocalMediaResolver(scratchDirectory: scratch.path), encoder: encoder)
  let avatar = AvatarCatalogue.builtIn[0].id
  print(
    "render: \(avatar), en-us-female, x264 \(encoder.preset) \(encoder.x264Options ?? ""), \(ProcessInfo.processInfo.activeProcessorCount) cores"
  )
  for size in [Dimension(width: 1920, height: 1080), Dimension(width: 1280, height: 720)] {
    let request = VideoGenerateRequest(
      videoInputs: [
        VideoInput(
          character: .avatar(AvatarCharacter(avatarId: avatar, avatarStyle: .normal)),
          voice: .text(TextVoice(voiceId: "en-us-female", inputText: script)),
          background: .color("#F4F6FB"))
      ], dimension: size)
    let output = scratch.appendingPathComponent("bench-\(size.height).mp4").path
    let clock = ContinuousClock()
    let start = clock.now
    let (ownCPU, childCPU) = (cpuSeconds(RUSAGE_SELF), cpuSeconds(RUSAGE_CHILDREN))
    let video = try await renderer.render(request, to: output)
    let elapsed = clock.now - start
    let renderCPU = cpuSeconds(RUSAGE_SELF) - ownCPU
    let ffmpegCPU = cpuSeconds(RUSAGE_CHILDREN) - childCPU
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let frames = video.duration * video.fps
    print(
      String(
        format:
          "  %dx%d: %.1f s of video in %.1f s → render time ÷ duration = %.3f (%.0f frames/s)",
        size.width, size.height, video.duration, wall, wall / video.duration, frames / wall))
    print(
      String(
        format:
          "    CPU: orator %.1f s (%.2f ms/frame), ffmpeg %.1f s (encode, previews, captions)",
        renderCPU, renderCPU / frames * 1000, ffmpegCPU))
  }
  print(
    String(
      format: "  peak memory: orator %.0f MiB, ffmpeg children %.0f MiB",
      peakMemoryMiB(RUSAGE_SELF), peakMemoryMiB(RUSAGE_CHILDREN)))
}

func benchAvatars() {
  let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1920, 1080)!
  let cr = cairo_create(surface)!
  defer {
    cairo_destroy(cr)
    cairo_surface_destroy(surface)
  }
  let frames = 300
  for style in [AvatarStyle.normal, .closeUp, .circle] {
    let box = AvatarFigure.viewBox(for: style)
    let scale = 1080 / box.height
    var total = 0.0
    for avatar in AvatarCatalogue.builtIn {
      let figure = AvatarFigure(avatar)
      let clock = ContinuousClock()
      let elapsed = clock.measure {
        for frame in 0..<frames {
          cairo_save(cr)
          cairo_translate(cr, 960 - (box.x + box.width / 2) * scale, -box.y * scale)
          cairo_scale(cr, scale, scale)
          let pose = AvatarPose(
            mouth: MouthShape.allCases[frame % 9], eyelids: frame % 40 < 3 ? 1 : 0,
            headTilt: sin(Double(frame) * 0.05) * 0.03, breath: Double(frame % 50) / 50)
          figure.draw(pose, in: cr)
          cairo_restore(cr)
        }
      }
      total += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    let perFrame = total / Double(frames * AvatarCatalogue.builtIn.count) * 1000
    print(
      String(
        format: "avatars %@ at 1920×1080: %.2f ms per frame (%.0f frames/s per core)", "\(style)",
        perFrame, 1000 / perFrame))
  }
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "render", nil:
  let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 60
  // `--preset-only` measures the x264 preset without Orator's extra options, for comparison.
  var encoder = EncoderSettings()
  if arguments.contains("--preset-only") { encoder.x264Options = nil }
  try await benchRender(seconds: seconds, encoder: encoder)
case "photo":
  let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 60
  try await benchPhoto(seconds: seconds, encoder: EncoderSettings())
case "avatars":
  benchAvatars()
case "translate":
  let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 30
  try await benchTranslate(seconds: seconds)
case "voices":
  let seconds = arguments.dropFirst().first.flatMap(Double.init) ?? 60
  try await benchVoices(seconds: seconds)
case "submits":
  do {
    try await benchSubmits(SubmitBenchOptions(arguments.dropFirst()))
  } catch {
    print("submits: \(error)")
    exit(2)
  }
default:
  print(
    "usage: orator-bench render [seconds] [--preset-only] | avatars | translate [seconds]"
      + " | voices [seconds]"
      + " | submits [--videos N] [--concurrency N] [--workers N] [--submit-only] [--keep-data]"
      + " [--orator PATH]")
  exit(2)
}
