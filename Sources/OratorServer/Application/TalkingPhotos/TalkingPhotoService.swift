import Foundation
import OratorCore
import OratorRender

/// The account's talking photos, shared by both dialects: upload (the face found once, and the
/// photo refused unless it has exactly one face big enough to animate), list, read, delete.
/// A photo is its picture in `media/<account>/talking_photos/<id>.png` and its row in the
/// store, which holds the face.
struct TalkingPhotoService {
  let environment: ServerEnvironment
  let account: ResourceID

  /// Picture types a photo may be uploaded as.
  static let contentTypes: Set<String> = ["image/jpeg", "image/jpg", "image/png", "image/webp"]

  /// Finds the face in `bytes`, stores the picture and the face, and returns the new photo. A
  /// refused or failed upload leaves nothing behind. `typeField` and `bytesField` name the
  /// parts of the request that carry the type and the picture, for errors.
  func upload(
    _ bytes: [UInt8], mime: String, name: String?, typeField: String, bytesField: String
  ) async throws -> TalkingPhotoRecord {
    guard Self.contentTypes.contains(mime) else {
      throw ApplicationError.invalid(
        InvalidField(
          path: typeField,
          message:
            "\"\(mime)\" is not a photo type; use one of \(Self.contentTypes.sorted().joined(separator: ", "))"
        ))
    }
    guard !bytes.isEmpty else {
      throw ApplicationError.invalid(
        InvalidField(path: bytesField, message: "is empty; send the photo's bytes", isMissing: true)
      )
    }
    let upload = scratchPath(".upload")
    defer { try? FileManager.default.removeItem(atPath: upload) }
    do {
      try FileManager.default.createDirectory(
        atPath: environment.configuration.scratchDirectory, withIntermediateDirectories: true)
      try Data(bytes).write(to: URL(fileURLWithPath: upload))
    } catch {
      throw ApplicationError.failed("the photo could not be stored")
    }
    return try await create(fromPictureAt: upload, name: name, field: bytesField)
  }

  /// A photo from a picture URL (fetched under the outbound rules) or an uploaded asset.
  func create(fromURL url: String?, asset: String?, name: String?, field: String) async throws
    -> TalkingPhotoRecord
  {
    if let asset {
      guard let found = AssetLibrary(media: environment.media).find(account: account, id: asset),
        found.kind == .image
      else {
        throw ApplicationError.invalid(
          InvalidField(path: field, message: "unknown image asset \"\(asset)\""))
      }
      return try await create(
        fromPictureAt: environment.media.absolutePath(found.relativePath), name: name, field: field)
    }
    let download = scratchPath(".download")
    defer { try? FileManager.default.removeItem(atPath: download) }
    try? FileManager.default.createDirectory(
      atPath: environment.configuration.scratchDirectory, withIntermediateDirectories: true)
    do {
      try await environment.fetcher.download(url ?? "", to: download, field: field)
    } catch {
      throw ApplicationError.invalid(error)
    }
    return try await create(fromPictureAt: download, name: name, field: field)
  }

  /// Finds the face in the picture at `path` and stores the photo; `field` names the picture
  /// in errors.
  private func create(fromPictureAt path: String, name: String?, field bytesField: String)
    async throws -> TalkingPhotoRecord
  {
    guard
      let finder = FaceLandmarkFinder(
        environment: URL(fileURLWithPath: environment.configuration.faceMeshEnvironment))
    else {
      throw ApplicationError.unavailable(
        "talking photos need the face-landmark finder; install it with scripts/setup-facemesh.sh")
    }
    // Bytes that are no picture at all are refused here, without starting the finder.
    let head = FileHandle(forReadingAtPath: path).map { handle in
      defer { try? handle.close() }
      return [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
    }
    guard let head, FileType.picture(head) != nil else {
      throw ApplicationError.invalid(
        InvalidField(path: bytesField, message: PortraitRefusal.unreadable.message))
    }
    let manager = FileManager.default
    let picture = scratchPath(".png")
    defer { try? manager.removeItem(atPath: picture) }
    let upload = path
    let face: FaceLandmarks
    do {
      face = try await finder.face(inPictureAt: upload, writingTo: picture)
    } catch .finderUnavailable(let detail) {
      throw ApplicationError.failed("the photo's face could not be looked for: \(detail)")
    } catch {
      throw ApplicationError.invalid(InvalidField(path: bytesField, message: error.message))
    }

    let id = ResourceID(random: environment.random)
    let relative = "\(account.rawValue)/talking_photos/\(id.rawValue).png"
    let destination = environment.media.absolutePath(relative)
    do {
      try manager.createDirectory(
        atPath: (destination as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      try manager.moveItem(atPath: picture, toPath: destination)
    } catch {
      throw ApplicationError.failed("the photo could not be stored")
    }
    let record = TalkingPhotoRecord(
      id: id, accountId: account, name: Self.name(name, id: id), imageFile: relative, face: face,
      createdAt: environment.clock.now().unixSeconds)
    do {
      try await environment.store.createTalkingPhoto(record)
    } catch {
      try? manager.removeItem(atPath: destination)
      throw error
    }
    return record
  }

  func list() async throws -> [TalkingPhotoRecord] {
    try await environment.store.listTalkingPhotos(account: account)
  }

  /// The photo, or `.notFound` naming the id as the client gave it.
  func photo(_ id: String) async throws -> TalkingPhotoRecord {
    guard let photoID = ResourceID(id),
      let photo = try await environment.store.talkingPhoto(id: photoID, account: account)
    else { throw ApplicationError.notFound(.talkingPhoto, id: id) }
    return photo
  }

  /// Gives a photo a new name (`field` names it in the request): trimmed, 1–200 characters.
  func rename(_ id: String, to name: String, field: String) async throws -> TalkingPhotoRecord {
    let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed.count <= 200 else {
      throw ApplicationError.invalid(
        InvalidField(path: field, message: "must be 1 to 200 characters, not only spaces"))
    }
    let photo = try await photo(id)
    guard
      let renamed = try await environment.store.renameTalkingPhoto(
        id: photo.id, account: account, name: trimmed)
    else { throw ApplicationError.notFound(.talkingPhoto, id: id) }
    return renamed
  }

  /// Deletes a photo and its picture; videos already rendered from it are kept.
  @discardableResult
  func delete(_ id: String) async throws -> TalkingPhotoRecord {
    let photo = try await photo(id)
    guard
      let deleted = try await environment.store.deleteTalkingPhoto(id: photo.id, account: account)
    else { throw ApplicationError.notFound(.talkingPhoto, id: id) }
    try? FileManager.default.removeItem(atPath: environment.media.absolutePath(deleted.imageFile))
    return deleted
  }

  /// A signed link to the photo's picture: its preview.
  func pictureURL(_ photo: TalkingPhotoRecord) -> String {
    environment.signedMediaURL(photo.imageFile)
  }

  private func scratchPath(_ suffix: String) -> String {
    (environment.configuration.scratchDirectory as NSString)
      .appendingPathComponent("photo-\(UUID().uuidString)\(suffix)")
  }

  /// The name given, trimmed and at most 200 characters, or one made from the id.
  static func name(_ given: String?, id: ResourceID) -> String {
    let trimmed = (given ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    return trimmed.isEmpty ? "Photo \(id.rawValue.prefix(8))" : String(trimmed.prefix(200))
  }
}
