import Testing

@testable import OratorRender

@Suite("Avatar figure")
struct AvatarFigureTests {
  static let avatars = AvatarCatalogue.builtIn

  @Test("every built-in avatar paints a head and a body", arguments: avatars)
  func drawsSomething(_ avatar: AvatarDefinition) {
    let render = AvatarRender(AvatarFigure(avatar), pose: .rest)
    let face = render.region(FigureRect(x: 470, y: 300, width: 60, height: 40))
    let chest = render.region(FigureRect(x: 300, y: 800, width: 60, height: 60))
    #expect(face.allSatisfy { $0 != AvatarRender.background })
    #expect(chest.allSatisfy { $0 != AvatarRender.background })
  }

  @Test("shape D and shape X look clearly different", arguments: avatars)
  func openAndClosedDiffer(_ avatar: AvatarDefinition) {
    let figure = AvatarFigure(avatar)
    let open = AvatarRender(figure, pose: AvatarPose(mouth: .D))
    let closed = AvatarRender(figure, pose: AvatarPose(mouth: .X))
    #expect(AvatarRender.differingPixels(open, closed, in: avatar.mouthRegion) > 150)
  }

  @Test("all nine mouth shapes differ from one another", arguments: avatars)
  func everyMouthShapeIsDistinct(_ avatar: AvatarDefinition) {
    let figure = AvatarFigure(avatar)
    let renders = MouthShape.allCases.map { AvatarRender(figure, pose: AvatarPose(mouth: $0)) }
    for i in renders.indices {
      for j in renders.indices where j > i {
        let differing = AvatarRender.differingPixels(renders[i], renders[j], in: avatar.mouthRegion)
        #expect(
          differing > 20,
          "\(avatar.id): \(MouthShape.allCases[i]) vs \(MouthShape.allCases[j]) differ in \(differing) px"
        )
      }
    }
  }

  @Test("closed eyelids change the eyes", arguments: avatars)
  func eyelidsClose(_ avatar: AvatarDefinition) {
    let figure = AvatarFigure(avatar)
    let open = AvatarRender(figure, pose: AvatarPose(eyelids: 0))
    let shut = AvatarRender(figure, pose: AvatarPose(eyelids: 1))
    #expect(AvatarRender.differingPixels(open, shut, in: avatar.eyesRegion) > 60)
  }

  @Test("raised brows move the brows", arguments: avatars)
  func browsRise(_ avatar: AvatarDefinition) {
    let figure = AvatarFigure(avatar)
    let rest = AvatarRender(figure, pose: .rest)
    let raised = AvatarRender(figure, pose: AvatarPose(browRaise: 1))
    let b = avatar.features.brows
    let region = FigureRect(
      x: 500 - b.spacing - b.width, y: b.y - 40, width: 2 * (b.spacing + b.width), height: 60)
    #expect(AvatarRender.differingPixels(rest, raised, in: region) > 30)
  }

  @Test("background far from the figure stays untouched in any pose", arguments: avatars)
  func backgroundUntouched(_ avatar: AvatarDefinition) {
    let figure = AvatarFigure(avatar)
    let pose = AvatarPose(
      mouth: .D, eyelids: 1, browRaise: 1, headTilt: 0.05, headShiftX: 4, headShiftY: -4, breath: 1)
    let render = AvatarRender(figure, pose: pose)
    for corner in [
      FigureRect(x: 0, y: 0, width: 120, height: 120),
      FigureRect(x: 880, y: 0, width: 120, height: 120),
      FigureRect(x: 0, y: 0, width: 1000, height: 60),
    ] {
      #expect(render.region(corner).allSatisfy { $0 == AvatarRender.background })
    }
  }

  @Test("paint bounds hold everything any pose paints", arguments: avatars)
  func paintBoundsHoldThePose(_ avatar: AvatarDefinition) {
    let figure = AvatarFigure(avatar)
    let pose = AvatarPose(mouth: .D, headTilt: 0.035, headShiftX: 3, headShiftY: -3, breath: 1)
    let render = AvatarRender(figure, pose: pose)
    let bounds = figure.paintBounds
    for y in 0..<AvatarRender.size {
      for x in 0..<AvatarRender.size
      where render.pixels[y * AvatarRender.size + x] != AvatarRender.background {
        let fx = Double(x) / AvatarRender.scale
        let fy = Double(y) / AvatarRender.scale
        if fx < bounds.x - 2 || fx > bounds.maxX + 2 || fy < bounds.y - 2 || fy > bounds.maxY + 2 {
          Issue.record("\(avatar.id) painted (\(fx), \(fy)) outside \(bounds)")
          return
        }
      }
    }
  }

  @Test("view boxes frame the head: a quarter of normal, most of closeUp, a square for circle")
  func viewBoxes() {
    let head = 290.0
    let normal = AvatarFigure.viewBox(for: .normal)
    let closeUp = AvatarFigure.viewBox(for: .closeUp)
    let circle = AvatarFigure.viewBox(for: .circle)
    #expect((0.22...0.32).contains(head / normal.height))
    #expect(normal.y < 130 - 60)
    #expect(head / closeUp.height > 0.4)
    #expect(circle.width == circle.height)
    #expect(circle.y < 130)
    #expect(abs(circle.x + circle.width / 2 - 500) < 1)
  }
}
