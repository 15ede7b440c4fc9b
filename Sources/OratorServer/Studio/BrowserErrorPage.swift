import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The error page a browser gets for a page that is not there (an unknown or unshared
/// `/share/<id>`, a mistyped address) or a server fault: a short, friendly HTML page with a
/// way back to the Studio. API paths (`/v1`, `/v2`, `/v3`, `/internal`) always answer JSON,
/// and so does anything asked for without `text/html` in `Accept`.
struct BrowserErrorPage {
  let status: HTTPResponse.Status
  let path: String

  static func isWanted(by request: Request) -> Bool {
    let path = request.uri.path
    if ["/v1/", "/v2/", "/v3/", "/internal/"].contains(where: path.hasPrefix) { return false }
    guard request.method == .get || request.method == .head else { return false }
    return request.headers[.accept]?.lowercased().contains("text/html") ?? false
  }

  var heading: String {
    switch status.code {
    case 404 where path.hasPrefix("/share/"): "This video is not shared"
    case 404: "Page not found"
    case 401, 403: "Not allowed"
    case 500...: "Something went wrong"
    default: "This page cannot be shown"
    }
  }

  var explanation: String {
    switch status.code {
    case 404 where path.hasPrefix("/share/"):
      "The link may be mistyped, or its owner has not shared the video, or deleted it."
    case 404: "There is nothing at this address."
    case 401, 403: "This link is not valid, or it has expired."
    case 500...: "The server could not answer. Try again in a moment."
    default: "The request could not be answered (HTTP \(status.code))."
    }
  }

  var response: Response {
    let nonce = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    let html = """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(SharePage.escape(heading)) · Orator</title>
      <style nonce="\(nonce)">
        body { margin: 0; min-height: 100vh; display: grid; place-items: center;
               background: #f6f7f9; color: #1b1e24; font: 16px/1.5 system-ui, sans-serif; }
        main { max-width: 34rem; padding: 2rem; text-align: center; }
        h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
        p { color: #5d6472; }
        a { color: #3a5bd9; font-weight: 600; }
      </style>
      </head>
      <body>
      <main>
      <h1>\(SharePage.escape(heading))</h1>
      <p>\(SharePage.escape(explanation))</p>
      <p><a href="/studio/">Open Orator Studio</a></p>
      </main>
      </body>
      </html>
      """
    return Response(
      status: status,
      headers: [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy:
          "default-src 'none'; style-src 'nonce-\(nonce)'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      ],
      body: .init(byteBuffer: ByteBuffer(string: html)))
  }
}
