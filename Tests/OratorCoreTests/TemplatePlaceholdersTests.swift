import Foundation
import HeyGenAPI
import OratorCore
import Testing

/// Filling `{{placeholders}}`: whole objects where the request needs one, plain values elsewhere.
@Suite struct TemplatePlaceholdersTests {
  let variables = [
    TemplateVariable(name: "name", value: .text(content: "Ada")),
    TemplateVariable(name: "presenter", value: .character(id: "mei_teal_blouse", kind: .avatar)),
    TemplateVariable(name: "narrator", value: .voice(id: "en-us-female")),
    TemplateVariable(
      name: "backdrop", value: .image(.asset("0123456789abcdef0123456789abcdef"), fit: .contain)),
    TemplateVariable(name: "track", value: .audio(.url("https://example.com/a.mp3"))),
  ]

  @Test func wholeObjectsAndPlainValues() throws {
    let body = try JSONTree.parse(
      Data(
        #"""
        {"video_inputs":[
          {"character":"{{presenter}}","voice":{"type":"text","voice_id":"{{ narrator }}","input_text":"Hi {{name}}, {{name}}!"},"background":"{{backdrop}}"},
          {"character":{"type":"avatar","avatar_id":"{{presenter}}","avatar_style":"closeUp"},"voice":"{{track}}"}
        ],"title":"For {{name}} {{not a placeholder}}"}
        """#.utf8))
    let request = try TemplatePlaceholders(variables).fill(body).decode(VideoGenerateRequest.self)
    #expect(request.title == "For Ada {{not a placeholder}}")
    #expect(
      request.videoInputs[0].character == .avatar(AvatarCharacter(avatarId: "mei_teal_blouse")))
    #expect(
      request.videoInputs[0].voice
        == .text(TextVoice(voiceId: "en-us-female", inputText: "Hi Ada, Ada!")))
    #expect(
      request.videoInputs[0].background
        == .image(ImageBackground(imageAssetId: "0123456789abcdef0123456789abcdef", fit: .contain)))
    #expect(
      request.videoInputs[1].character
        == .avatar(AvatarCharacter(avatarId: "mei_teal_blouse", avatarStyle: .closeUp)))
    #expect(
      request.videoInputs[1].voice == .audio(AudioVoice(audioUrl: "https://example.com/a.mp3")))
  }

  @Test func undeclaredPlaceholderNamesWhereItIs() throws {
    let body = JSONTree.object([
      "video_inputs": .array([.object(["text": .object(["text": .string("{{who}}")])])])
    ])
    #expect(
      throws: InvalidField(
        path: "video_inputs[0].text.text", message: "uses {{who}}, which is not a declared variable"
      )
    ) {
      try TemplatePlaceholders(variables).fill(body)
    }
  }

  @Test func givenValuesReplaceDefaultsOfTheSameType() throws {
    let backdrop = variables[3]
    let replaced = try backdrop.replaced(
      by: TemplateVariableBody(
        name: nil, type: "image", properties: .init(url: "https://example.com/b.png")))
    // Styling left out keeps the template's default.
    #expect(replaced.value == .image(.url("https://example.com/b.png"), fit: .contain))
    #expect(throws: InvalidField.self) {
      try backdrop.replaced(
        by: TemplateVariableBody(name: nil, type: "text", properties: .init(content: "x")))
    }
  }
}
