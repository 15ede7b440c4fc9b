import Foundation

/// The public page of a shared video: a player with poster and captions, nothing else. It
/// runs no script, and its policy lets it load only its own style and the video's files.
struct SharePage {
  var title: String
  var videoURL: String
  var posterURL: String?
  var captionsURL: String?
  /// Marks the page's one `<style>` element as the page's own (CSP `style-src 'nonce-…'`):
  /// fresh for every response, so injected markup cannot guess it.
  var styleNonce: String

  var html: String {
    let poster = posterURL.map { " poster=\"\(Self.escape($0))\"" } ?? ""
    let track =
      captionsURL.map {
        "<track kind=\"captions\" src=\"\(Self.escape($0))\" srclang=\"en\" label=\"Captions\">"
      } ?? ""
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(Self.escape(title))</title>
      <meta property="og:title" content="\(Self.escape(title))">
      <meta property="og:type" content="video.other">
      <meta property="og:video" content="\(Self.escape(videoURL))">
      <meta property="og:video:type" content="video/mp4">\(posterURL.map { "\n<meta property=\"og:image\" content=\"\(Self.escape($0))\">" } ?? "")
      <meta name="twitter:card" content="player">
      <style nonce="\(Self.escape(styleNonce))">
        body { margin: 0; min-height: 100vh; display: grid; place-items: center;
               background: #0f1115; color: #e8eaf0; font: 16px system-ui, sans-serif; }
        main { width: min(960px, 94vw); }
        h1 { font-size: 1.25rem; font-weight: 600; margin: 0 0 .75rem; }
        video { width: 100%; border-radius: 12px; background: #000; }
      </style>
      </head>
      <body>
      <main>
      <h1>\(Self.escape(title))</h1>
      <video controls playsinline preload="metadata" src="\(Self.escape(videoURL))"\(poster)>\(track)</video>
      </main>
      </body>
      </html>
      """
  }

  /// Nothing but the style above, the video and captions (`media-src`) and the poster
  /// (`img-src`) from the origin that serves them; no script, no frame around the page.
  var contentSecurityPolicy: String {
    let media = Set([videoURL] + [captionsURL].compactMap { $0 }).compactMap(Self.origin)
    let images = [posterURL].compactMap { $0 }.compactMap(Self.origin)
    func sources(_ origins: [String]) -> String {
      origins.isEmpty ? "'none'" : Set(origins).sorted().joined(separator: " ")
    }
    return [
      "default-src 'none'",
      "style-src 'nonce-\(styleNonce)'",
      "media-src \(sources(media))",
      "img-src \(sources(images))",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].joined(separator: "; ")
  }

  /// `scheme://host[:port]` of an http(s) URL; nil for anything else.
  static func origin(_ url: String) -> String? {
    guard let components = URLComponents(string: url),
      let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
      let host = components.percentEncodedHost, !host.isEmpty
    else { return nil }
    return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
