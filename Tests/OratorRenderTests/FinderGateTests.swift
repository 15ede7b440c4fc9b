import Testing

@testable import OratorRender

@Suite("Face finder gate")
struct FinderGateTests {
  actor Count {
    var now = 0
    var most = 0
    func enter() {
      now += 1
      most = max(most, now)
    }
    func leave() { now -= 1 }
  }

  @Test("no more finders run at once than the limit, and every caller gets its turn")
  func limitsConcurrentRuns() async {
    let gate = FinderGate(limit: 2)
    let count = Count()
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          await gate.enter()
          await count.enter()
          try? await Task.sleep(for: .milliseconds(20))
          await count.leave()
          await gate.leave()
        }
      }
    }
    #expect(await count.most == 2)
    #expect(await count.now == 0)
  }
}
