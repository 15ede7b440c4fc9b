import Foundation
import Testing

@testable import OratorRender

@Suite("Render progress file")
struct RenderProgressFileTests {
  @Test("The render process carries on from the speech the serving process reported")
  func renderCarriesOnFromPreparedSpeech() throws {
    let scratch = try ScratchFolder()
    let path = RenderProgressFile.path(inScratch: scratch.path)
    #expect(RenderProgressFile.read(path) == nil)

    // The serving process makes the neural speech: the speech stage ends at 0.2.
    let serving = RenderProgressFile.writer(to: path)
    serving(RenderProgress(stage: .speech, fraction: 1))
    #expect(RenderProgressFile.read(path) == 0.2)

    // The render process starts from the beginning of its own stages, which would take the
    // bar back to 0; the file keeps what it had until the render is further.
    let render = RenderProgressFile.writer(to: path)
    render(RenderProgress(stage: .preparing, fraction: 0))
    render(RenderProgress(stage: .speech, fraction: 1))
    #expect(RenderProgressFile.read(path) == 0.2)
    render(RenderProgress(stage: .frames, fraction: 1))
    #expect(RenderProgressFile.read(path) == 0.9)
  }
}
