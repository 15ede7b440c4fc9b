import Foundation
import Hummingbird
import NIOCore

/// Orator Studio, the web app: `/` leads to `/studio/`, which serves the app's files (plain
/// HTML, CSS and JavaScript modules, no build step) from the binary's resources. The app calls
/// the v3 API with the key the user signs in with, from this same origin.
struct StudioRoutes {
  let environment: ServerEnvironment

  static var webFolder: URL? { Bundle.module.url(forResource: "Web", withExtension: nil) }

  func register(on router: inout RouterRegistry) {
    router.get("/") { _, _ in Self.redirect(to: "/studio/") }
    // `/studio` and `/studio/` are one route here; both serve the app's page.
    router.get("/studio", file)
    router.get("/studio/**", file)
  }

  static func redirect(to location: String) -> Response {
    Response(status: .found, headers: [.location: location])
  }

  @Sendable func file(_ request: Request, context: AppRequestContext) async throws -> Response {
    let relative = String(request.uri.path.dropFirst("/studio/".count))
    guard let folder = Self.webFolder, let file = StudioFile(relative, in: folder),
      let data = FileManager.default.contents(atPath: file.path)
    else {
      throw APIError.notFound("no such page", .v2)
    }
    return Response(
      status: .ok,
      headers: [
        .contentType: file.contentType,
        .contentSecurityPolicy: StudioPolicy(publicBase: environment.baseURL).header,
        // The app is small and changes with the binary: always revalidated, never stale.
        .cacheControl: "no-cache",
      ],
      body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}

/// A file of the app by its path under `/studio/`: only plain names inside the app's folder
/// (no `..`, no hidden files), the index for the folder itself.
struct StudioFile {
  let path: String
  let contentType: String

  init?(_ relative: String, in folder: URL) {
    let name = relative.isEmpty ? "index.html" : relative
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard !parts.isEmpty,
      parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") })
    else { return nil }
    let types = [
      "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
      "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
    ]
    guard let type = types[(name as NSString).pathExtension.lowercased()] else { return nil }
    path = folder.appendingPathComponent(name).path
    contentType = type
  }
}

/// The app's Content-Security-Policy: its own scripts and styles only (no inline script or
/// style), pictures, clips and sound from this origin and the public base URL that media
/// links name, API calls to this origin, and no frame around it.
struct StudioPolicy {
  let publicBase: String

  var header: String {
    let media = ["'self'", SharePage.origin(publicBase)].compactMap { $0 }.joined(separator: " ")
    return [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src \(media) data:",
      "media-src \(media)",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].joined(separator: "; ")
  }
}
