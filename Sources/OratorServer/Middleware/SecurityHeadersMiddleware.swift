import HTTPTypes
import Hummingbird

/// Headers that keep a browser from taking a response for something else and from showing
/// Orator's pages inside another site: every response is `nosniff` (an uploaded file is only
/// ever the type it was checked to be) and may not be framed; an HTML page without a policy
/// of its own gets one that loads nothing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  /// For HTML that sets no policy: no script, no style, no subresource, no frame around it.
  static var defaultPagePolicy: String {
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
  }

  func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response = try await next(request, context)
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.xFrameOptions] = "DENY"
    let type = response.headers[.contentType]?.lowercased() ?? ""
    if type.hasPrefix("text/html") || type.hasPrefix("application/xhtml") {
      if response.headers[.contentSecurityPolicy] == nil {
        response.headers[.contentSecurityPolicy] = Self.defaultPagePolicy
      }
      // Signed media links are in the page; they stay out of other sites' logs.
      response.headers[.referrerPolicy] = "no-referrer"
    }
    return response
  }
}

extension HTTPField.Name {
  /// The older frame policy, for browsers that do not read CSP `frame-ancestors`.
  static var xFrameOptions: Self { Self("X-Frame-Options")! }
  static var referrerPolicy: Self { Self("Referrer-Policy")! }
}
