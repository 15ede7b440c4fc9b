import OratorCore

/// Checks a media reference a request gives by URL or by asset id, before anything is queued:
/// Orator's own media links are read from disk later; other URLs must be fetchable under the
/// outbound rules; asset ids must name one of the account's uploads.
struct MediaReferenceCheck {
  var environment: ServerEnvironment
  var account: ResourceID

  func check(url: String?, asset: String?, urlField: String, assetField: String)
    async throws(InvalidField)
  {
    if let url, !url.isEmpty {
      if SignedMediaURL(url: url, base: environment.baseURL) != nil { return }
      try await environment.fetcher.check(url, field: urlField)
    } else if let asset, !asset.isEmpty {
      guard AssetLibrary(media: environment.media).find(account: account, id: asset) != nil else {
        throw InvalidField(path: assetField, message: "unknown asset \"\(asset)\"")
      }
    }
  }
}
