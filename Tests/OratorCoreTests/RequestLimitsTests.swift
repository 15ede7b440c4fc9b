import Foundation
import HeyGenAPI
import Testing

@testable import OratorCore

/// Every number a generate request carries is range-checked and every free-text field has a
/// length limit, each refusal naming the field; the video's estimated length has a ceiling.
@Suite struct RequestLimitsTests {
  func failure(_ json: String, limits: VideoInputLimits = VideoInputLimits()) throws
    -> InvalidField?
  {
    let request = try JSONDecoder().decode(VideoGenerateRequest.self, from: Data(json.utf8))
    do {
      try VideoRequestValidator(limits: limits).validate(request)
      return nil
    } catch {
      return error
    }
  }

  static let voice = #""voice":{"type":"text","voice_id":"v","input_text":"Hello"}"#

  @Test(
    "out-of-range numbers name their field",
    arguments: [
      (
        #"{"video_inputs":[{"character":{"avatar_id":"a","offset":{"x":-1e308,"y":0}},\#(voice)}]}"#,
        "video_inputs[0].character.offset.x"
      ),
      (
        #"{"video_inputs":[{"character":{"avatar_id":"a","offset":{"x":0,"y":1.5}},\#(voice)}]}"#,
        "video_inputs[0].character.offset.y"
      ),
      (
        #"{"video_inputs":[{"character":{"type":"talking_photo","talking_photo_id":"p","offset":{"x":9e99}},\#(voice)}]}"#,
        "video_inputs[0].character.offset.x"
      ),
      (
        #"{"video_inputs":[{\#(voice),"text":{"text":"t","position":{"x":2,"y":0}}}]}"#,
        "video_inputs[0].text.position.x"
      ),
      (
        #"{"video_inputs":[{\#(voice),"text":{"text":"t","line_height":1e300}}]}"#,
        "video_inputs[0].text.line_height"
      ),
      (
        #"{"video_inputs":[{\#(voice),"text":{"text":"t","width":-3}}]}"#,
        "video_inputs[0].text.width"
      ),
      (
        #"{"video_inputs":[{\#(voice),"text":{"text":"t","font_size":0}}]}"#,
        "video_inputs[0].text.font_size"
      ),
    ])
  func numbers(json: String, field: String) throws {
    let refused = try #require(try failure(json))
    #expect(refused.path == field)
    #expect(refused.message.hasPrefix("must be between"), "\(refused)")
  }

  @Test("in-range numbers pass")
  func inRange() throws {
    #expect(
      try failure(
        #"{"video_inputs":[{"character":{"avatar_id":"a","offset":{"x":-1,"y":0.5}},\#(Self.voice),"text":{"text":"t","position":{"x":0.1,"y":0.9},"width":0.5,"line_height":1.2,"font_size":40}}]}"#
      ) == nil)
  }

  @Test(
    "free text has length limits",
    arguments: [
      ("title", 500), ("callback_id", 500), ("folder_id", 200), ("callback_url", 2048),
    ])
  func lengths(field: String, limit: Int) throws {
    let over = String(repeating: "é", count: limit + 1)
    let refused = try #require(
      try failure(#"{"video_inputs":[{\#(Self.voice)}],"\#(field)":"\#(over)"}"#))
    #expect(refused.path == field)
    #expect(refused.message == "must be at most \(limit) characters")
    let atLimit = String(repeating: "é", count: limit)
    #expect(try failure(#"{"video_inputs":[{\#(Self.voice)}],"\#(field)":"\#(atLimit)"}"#) == nil)
  }

  @Test("a pause longer than the limit is refused")
  func pauses() throws {
    let long =
      #"{"video_inputs":[{"voice":{"voice_id":"v","input_text":"a <break time=\"61s\"/> b"}}]}"#
    let refused = try #require(try failure(long))
    #expect(refused.path == "video_inputs[0].voice.input_text")
    #expect(refused.message.contains("a pause may last at most 60 s"), "\(refused)")
    let fine =
      #"{"video_inputs":[{"voice":{"voice_id":"v","input_text":"a <break time=\"60000ms\"/> b"}}]}"#
    #expect(try failure(fine) == nil)
  }

  @Test("the estimated length names the scene that takes the video over the limit")
  func length() throws {
    var limits = VideoInputLimits()
    limits.videoSeconds = 120
    let scene = #"{"voice":{"voice_id":"v","input_text":"x <break time=\"50s\"/>"}}"#
    let three = #"{"video_inputs":[\#(scene),\#(scene),\#(scene)]}"#
    let refused = try #require(try failure(three, limits: limits))
    #expect(refused.path == "video_inputs[2].voice.input_text")
    #expect(refused.message.contains("at most 2 minutes"), "\(refused)")
    let two = #"{"video_inputs":[\#(scene),\#(scene)]}"#
    #expect(try failure(two, limits: limits) == nil)
    let silence = #"{"video_inputs":[{"voice":{"type":"silence","duration":600}}]}"#
    #expect(try failure(silence, limits: limits)?.path == "video_inputs[0].voice.duration")
  }

  @Test("the credit reserved counts pauses")
  func reservationCountsPauses() throws {
    let request = try JSONDecoder().decode(
      VideoGenerateRequest.self,
      from: Data(
        #"{"video_inputs":[{"voice":{"voice_id":"v","input_text":"Hi <break time=\"30s\"/><break time='500ms'/>"}}]}"#
          .utf8))
    // 3 spoken characters at 14 a second, and 30.5 s of pauses.
    #expect(CreditEstimate().seconds(for: request) == 31)
  }

  @Test("a template whose placeholders repeat cannot grow past its expansion limit")
  func templateExpansion() throws {
    let value = String(repeating: "a", count: 10_000)
    let placeholders = String(repeating: "{{name}}", count: 200)
    let body = try JSONTree.parse(
      Data(#"{"video_inputs":[],"title":"\#(placeholders)"}"#.utf8))
    let filler = TemplatePlaceholders(
      [TemplateVariable(name: "name", value: .text(content: value))])
    #expect(throws: InvalidField.self) { try filler.fill(body) }
    do {
      _ = try filler.fill(body)
    } catch {
      #expect(error.path == "title")
      #expect(error.message.contains("larger than 1024 KB"), "\(error)")
    }
    let small = TemplatePlaceholders([TemplateVariable(name: "name", value: .text(content: "a"))])
    #expect(try small.fill(body) != body)
  }
}
