import Foundation
import HeyGenAPI
import OratorCore
import Testing

@Suite("CreditEstimate")
struct CreditEstimateTests {
  @Test func chargeRoundsUpToWholeSeconds() {
    #expect(CreditEstimate.charge(forDuration: 12.01) == 13)
    #expect(CreditEstimate.charge(forDuration: 12) == 12)
    #expect(CreditEstimate.charge(forDuration: 0) == 0)
  }

  @Test func estimateFollowsScriptLength() throws {
    let text = String(repeating: "a", count: 140)
    let request = try VideoGenerateRequest.decode(
      #"{"video_inputs":[{"voice":{"type":"text","voice_id":"v","input_text":"\#(text)"}},"#
        + #"{"voice":{"type":"silence","duration":2.5}}]}"#)
    #expect(CreditEstimate().seconds(for: request) == 13)
  }
}

extension VideoGenerateRequest {
  static func decode(_ json: String) throws -> VideoGenerateRequest {
    try JSONDecoder().decode(VideoGenerateRequest.self, from: Data(json.utf8))
  }
}
