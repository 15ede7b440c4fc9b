import Foundation
import OratorRender

/// Passes on how far a render is: reads the render process's progress file every `interval`
/// and hands each new fraction to `report` (the store, or the API server for a remote
/// worker), so a client polling the video sees it move.
struct RenderProgressReporter: Sendable {
  var progressFile: String
  var interval: Duration = .seconds(1)

  /// Runs until the returned task is cancelled.
  func start(_ report: @escaping @Sendable (Double) async -> Void) -> Task<Void, Never> {
    Task {
      var last: Double?
      while !Task.isCancelled {
        try? await Task.sleep(for: interval)
        if Task.isCancelled { return }
        guard let fraction = RenderProgressFile.read(progressFile), fraction != last else {
          continue
        }
        last = fraction
        await report(fraction)
      }
    }
  }
}
