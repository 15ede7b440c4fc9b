import Foundation

/// A portrait an account uploaded to present its videos: the picture as it is animated (a PNG
/// in the media folder) and the face found in it at upload.
public struct TalkingPhotoRecord: Sendable, Equatable {
  public var id: ResourceID
  public var accountId: ResourceID
  public var name: String
  /// The picture, relative to the media folder; its pixels are the ones `face` refers to.
  public var imageFile: String
  public var face: FaceLandmarks
  /// Unix seconds.
  public var createdAt: Int

  public init(
    id: ResourceID, accountId: ResourceID, name: String, imageFile: String, face: FaceLandmarks,
    createdAt: Int
  ) {
    self.id = id
    self.accountId = accountId
    self.name = name
    self.imageFile = imageFile
    self.face = face
    self.createdAt = createdAt
  }
}
