import HeyGenAPI
import OratorCore

/// A stored template as clients see it, with a freshly signed thumbnail URL.
struct TemplatePresenter {
  let environment: ServerEnvironment

  /// Never null: strict clients type `thumbnail_image_url` as a string. A template is only
  /// stored once its thumbnail is drawn, so the fallback is for damaged media folders.
  func thumbnailURL(_ template: TemplateRecord) -> String {
    environment.signedMediaURL(
      template.thumbnailFile
        ?? "\(template.accountId.rawValue)/templates/\(template.id.rawValue)/thumbnail.jpg")
  }

  func listItem(_ template: TemplateRecord) -> TemplateListItem {
    TemplateListItem(
      templateId: template.id.rawValue, name: template.name,
      thumbnailImageUrl: thumbnailURL(template),
      aspectRatio: template.aspectRatio)
  }

  func detail(_ template: TemplateRecord) -> TemplateDetailData {
    TemplateDetailData(
      templateId: template.id.rawValue, name: template.name,
      thumbnailImageUrl: thumbnailURL(template),
      aspectRatio: template.aspectRatio, dimension: template.dimension,
      variables: template.variableBodies,
      createdAt: template.createdAt, updatedAt: template.updatedAt)
  }
}
