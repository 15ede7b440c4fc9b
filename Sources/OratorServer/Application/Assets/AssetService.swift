import Foundation
import OratorCore

/// Uploaded files (images, videos, audio) that requests then name by asset id, shared by
/// `POST /v1/asset` and `POST /v3/assets`. An asset is its file in the account's asset
/// folder: the id and the extension are its name, the file's time its upload time.
struct AssetService {
  let environment: ServerEnvironment
  let account: ResourceID

  /// An uploaded file as the API describes it.
  struct StoredAsset: Sendable {
    var id: ResourceID
    var kind: AssetLibrary.Kind
    var relativePath: String
    var sizeBytes: Int
    var uploadedAt: Int

    var fileName: String { (relativePath as NSString).lastPathComponent }
    var ext: String { (relativePath as NSString).pathExtension }
    var mime: String { AssetLibrary.mimeType(ofExtension: ext) }
  }

  private var library: AssetLibrary { AssetLibrary(media: environment.media) }

  /// Stores `bytes` as a new asset of type `mime`, once it decodes as that type: a refused
  /// or failed upload leaves nothing behind. `field` names the part of the request that
  /// carries the type and `bytesField` the part that carries the file, for errors.
  func upload(_ bytes: [UInt8], mime: String, field: String, bytesField: String) async throws
    -> StoredAsset
  {
    guard let type = AssetLibrary.contentTypes[mime] else {
      let supported = AssetLibrary.contentTypes.keys.sorted().joined(separator: ", ")
      throw ApplicationError.invalid(
        InvalidField(
          path: field, message: "\"\(mime)\" is not a supported file type; use one of \(supported)"
        ))
    }
    guard !bytes.isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(
          path: bytesField, message: "is empty; send the file's bytes", isMissing: true))
    }
    let id = ResourceID(random: environment.random)
    let relative = library.relativePath(account: account, id: id, ext: type.ext)
    try await store(
      bytes, at: environment.media.absolutePath(relative),
      checkedBy: UploadedFileCheck(
        mime: mime, ext: type.ext, kind: type.kind, field: bytesField))
    return StoredAsset(
      id: id, kind: type.kind, relativePath: relative, sizeBytes: bytes.count,
      uploadedAt: environment.clock.now().unixSeconds)
  }

  /// The account's assets, newest first.
  func all() -> [StoredAsset] {
    library.all(account: account).map { found in
      described(id: found.id, relativePath: found.relativePath, kind: found.kind)
    }.sorted { ($0.uploadedAt, $0.id.rawValue) > ($1.uploadedAt, $1.id.rawValue) }
  }

  func asset(_ id: String) throws(ApplicationError) -> StoredAsset {
    guard let found = library.find(account: account, id: id), let assetID = ResourceID(id) else {
      throw .notFound(.asset, id: id)
    }
    return described(id: assetID, relativePath: found.relativePath, kind: found.kind)
  }

  /// An asset's size and upload time, from its file.
  private func described(id: ResourceID, relativePath: String, kind: AssetLibrary.Kind)
    -> StoredAsset
  {
    let attributes = try? FileManager.default.attributesOfItem(
      atPath: environment.media.absolutePath(relativePath))
    return StoredAsset(
      id: id, kind: kind, relativePath: relativePath,
      sizeBytes: (attributes?[.size] as? NSNumber)?.intValue ?? 0,
      uploadedAt: (attributes?[.modificationDate] as? Date)?.unixSeconds ?? 0)
  }

  /// Deletes an asset's file. Videos already rendered from it keep their own copies.
  func delete(_ id: String) throws(ApplicationError) {
    let found = try asset(id)
    do {
      try FileManager.default.removeItem(
        atPath: environment.media.absolutePath(found.relativePath))
    } catch {
      throw .failed("the asset could not be deleted")
    }
  }

  /// A signed link to the asset's file.
  func link(_ asset: StoredAsset) -> String {
    environment.signedMediaURL(asset.relativePath)
  }

  /// Writes the upload to the scratch folder, checks that it decodes as its type, and only
  /// then moves it under its id.
  private func store(_ body: [UInt8], at path: String, checkedBy check: UploadedFileCheck)
    async throws
  {
    let manager = FileManager.default
    let scratchFolder = environment.configuration.scratchDirectory
    let scratch = (scratchFolder as NSString)
      .appendingPathComponent("upload-\(UUID().uuidString).\(check.ext)")
    defer { try? manager.removeItem(atPath: scratch) }
    do {
      try manager.createDirectory(atPath: scratchFolder, withIntermediateDirectories: true)
      try Data(body).write(to: URL(fileURLWithPath: scratch))
    } catch {
      throw ApplicationError.failed("the asset could not be stored")
    }
    do {
      try await check.verify(bytes: body, storedAt: scratch)
    } catch .mismatch(let refusal) {
      throw ApplicationError.invalid(refusal)
    } catch .checkerUnavailable {
      throw ApplicationError.failed("the asset could not be checked")
    }
    do {
      try manager.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try manager.moveItem(atPath: scratch, toPath: path)
    } catch {
      try? manager.removeItem(atPath: path)
      throw ApplicationError.failed("the asset could not be stored")
    }
  }
}
