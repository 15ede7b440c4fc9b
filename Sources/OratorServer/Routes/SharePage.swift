/// The public page of a shared video: a player with poster and captions, nothing else.
enum SharePage {
  static func html(title: String, videoURL: String, posterURL: String?, captionsURL: String?)
    -> String
  {
    let poster = posterURL.map { " poster=\"\(escape($0))\"" } ?? ""
    let track =
      captionsURL.map {
        "<track kind=\"captions\" src=\"\(escape($0))\" srclang=\"en\" label=\"Captions\">"
      } ?? ""
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <meta property="og:title" content="\(escape(title))">
      <meta property="og:video" content="\(escape(videoURL))">
      <style>
        body { margin: 0; min-height: 100vh; display: grid; place-items: center;
               background: #0f1115; color: #e8eaf0; font: 16px system-ui, sans-serif; }
        main { width: min(960px, 94vw); }
        h1 { font-size: 1.25rem; font-weight: 600; margin: 0 0 .75rem; }
        video { width: 100%; border-radius: 12px; background: #000; }
      </style>
      </head>
      <body>
      <main>
      <h1>\(escape(title))</h1>
      <video controls playsinline preload="metadata" src="\(escape(videoURL))"\(poster)>\(track)</video>
      </main>
      </body>
      </html>
      """
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
