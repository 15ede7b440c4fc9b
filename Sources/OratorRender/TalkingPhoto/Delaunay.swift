/// Delaunay triangulation (Bowyer–Watson) of a few hundred points, once per photo: the mesh
/// the face is warped with. Quadratic, which at ~530 points takes milliseconds.
enum Delaunay {
  struct Point {
    var x: Double
    var y: Double
  }

  /// Triangles as index triples into `points`, counter-clockwise in picture coordinates.
  static func triangulate(_ points: [Point]) -> [(Int, Int, Int)] {
    guard points.count >= 3 else { return [] }
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    let minX = xs.min()!
    let maxX = xs.max()!
    let minY = ys.min()!
    let maxY = ys.max()!
    let span = max(maxX - minX, maxY - minY) * 20 + 1
    let midX = (minX + maxX) / 2
    let midY = (minY + maxY) / 2
    var all = points
    // A super-triangle around everything; triangles touching it are dropped at the end.
    all.append(Point(x: midX - span, y: midY - span))
    all.append(Point(x: midX + span, y: midY - span))
    all.append(Point(x: midX, y: midY + span))
    let n = points.count
    struct Triangle {
      var a: Int
      var b: Int
      var c: Int
      var cx: Double
      var cy: Double
      var r2: Double
    }
    func make(_ a: Int, _ b: Int, _ c: Int) -> Triangle {
      let (ax, ay, bx, by, cx, cy) = (all[a].x, all[a].y, all[b].x, all[b].y, all[c].x, all[c].y)
      let d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
      let a2 = ax * ax + ay * ay
      let b2 = bx * bx + by * by
      let c2 = cx * cx + cy * cy
      let ux = (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d
      let uy = (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d
      return Triangle(
        a: a, b: b, c: c, cx: ux, cy: uy, r2: (ax - ux) * (ax - ux) + (ay - uy) * (ay - uy))
    }
    var triangles = [make(n, n + 1, n + 2)]
    for p in 0..<n {
      let px = all[p].x
      let py = all[p].y
      var edges: [(Int, Int)] = []
      var kept: [Triangle] = []
      kept.reserveCapacity(triangles.count + 2)
      for t in triangles {
        let dx = px - t.cx
        let dy = py - t.cy
        if dx * dx + dy * dy < t.r2 * (1 + 1e-12) {
          edges.append((t.a, t.b))
          edges.append((t.b, t.c))
          edges.append((t.c, t.a))
        } else {
          kept.append(t)
        }
      }
      // The hole's boundary: edges that belong to one removed triangle only.
      for (i, e) in edges.enumerated() {
        let shared = edges.indices.contains { j in
          j != i && ((edges[j].0 == e.1 && edges[j].1 == e.0) || (edges[j] == e))
        }
        if !shared { kept.append(make(e.0, e.1, p)) }
      }
      triangles = kept
    }
    return triangles.compactMap { t in
      guard t.a < n, t.b < n, t.c < n else { return nil }
      let cross =
        (all[t.b].x - all[t.a].x) * (all[t.c].y - all[t.a].y)
        - (all[t.b].y - all[t.a].y) * (all[t.c].x - all[t.a].x)
      guard abs(cross) > 1e-9 else { return nil }
      return cross > 0 ? (t.a, t.b, t.c) : (t.a, t.c, t.b)
    }
  }
}
