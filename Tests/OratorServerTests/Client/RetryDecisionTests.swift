import Foundation
import NIOHTTP1
import Testing

@testable import OratorKit

/// When a failed call is sent again, and after how long: the decision alone, without a server.
@Suite struct RetryDecisionTests {
  static let policy = RetryPolicy(
    maxAttempts: 4, initialDelay: .seconds(1), maxDelay: .seconds(5),
    maxRetryAfter: .seconds(60))

  static func api(_ status: Int, retryAfter: Duration? = nil) -> HeyGenError {
    HeyGenError(kind: .api, status: status, message: "refused", retryAfter: retryAfter)
  }

  static let lost = HeyGenError(kind: .unreachable, message: "connection reset")

  @Test(arguments: [HTTPMethod.GET, .HEAD, .DELETE, .POST, .PATCH, .PUT])
  func rateLimitingIsRetriedForEveryMethod(_ method: HTTPMethod) {
    let delay = Self.policy.delay(
      after: 1, failure: Self.api(429, retryAfter: .seconds(7)), method: method)
    #expect(delay == .seconds(7))
  }

  @Test func serverErrorsAndLostConnectionsAreRetriedOnlyWhenSafeToRepeat() {
    for failure in [Self.api(500), Self.api(502), Self.api(503), Self.api(504), Self.lost] {
      for method in [HTTPMethod.GET, .HEAD, .DELETE] {
        let delay = Self.policy.delay(after: 1, failure: failure, method: method)
        #expect(delay.map { $0 >= .milliseconds(500) && $0 <= .seconds(1) } == true)
      }
      // A generate that failed half-way may have queued a video: never sent twice.
      for method in [HTTPMethod.POST, .PATCH, .PUT] {
        #expect(Self.policy.delay(after: 1, failure: failure, method: method) == nil)
      }
    }
  }

  @Test func otherFailuresAreNotRetried() {
    for failure in [
      Self.api(400), Self.api(401), Self.api(404), Self.api(501),
      HeyGenError(kind: .invalidResponse, message: "not JSON"),
      HeyGenError(kind: .cancelled, message: "cancelled"),
    ] {
      #expect(Self.policy.delay(after: 1, failure: failure, method: .GET) == nil, "\(failure)")
    }
  }

  @Test func backoffDoublesUpToTheCapAndStopsAfterTheLastAttempt() {
    let long = RetryPolicy(
      maxAttempts: 10, initialDelay: .seconds(1), maxDelay: .seconds(5))
    for (attempt, ceiling) in [(1, 1), (2, 2), (3, 4), (4, 5), (9, 5)] {
      let delay = long.delay(after: attempt, failure: Self.lost, method: .GET)
      // Jitter takes off up to half.
      #expect(
        delay.map { $0 >= .seconds(ceiling) / 2 && $0 <= .seconds(ceiling) } == true,
        "attempt \(attempt): \(String(describing: delay))")
    }
    #expect(long.delay(after: 10, failure: Self.lost, method: .GET) == nil)
    #expect(Self.policy.delay(after: 4, failure: Self.api(429), method: .GET) == nil)
    #expect(RetryPolicy.never.delay(after: 1, failure: Self.api(429), method: .GET) == nil)
  }

  @Test func aRetryAfterBeyondTheCapIsNotWaitedFor() {
    let policy = Self.policy
    #expect(
      policy.delay(after: 1, failure: Self.api(429, retryAfter: .seconds(60)), method: .POST)
        == .seconds(60))
    #expect(
      policy.delay(after: 1, failure: Self.api(429, retryAfter: .seconds(61)), method: .POST)
        == nil)
    // A 503's Retry-After is honoured too.
    #expect(
      policy.delay(after: 1, failure: Self.api(503, retryAfter: .seconds(3)), method: .GET)
        == .seconds(3))
  }

  @Test func retryAfterIsReadInSecondsOrAsAnHTTPDate() throws {
    #expect(RetryPolicy.retryAfter("5") == .seconds(5))
    #expect(RetryPolicy.retryAfter(" 120 ") == .seconds(120))
    #expect(RetryPolicy.retryAfter("0") == .zero)
    // 2015-10-21 07:28:00 UTC, the example of RFC 9110.
    let date = Date(timeIntervalSince1970: 1_445_412_480)
    let before = date.addingTimeInterval(-30)
    #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: before) == .seconds(30))
    #expect(
      RetryPolicy.retryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", now: before) == .seconds(30))
    #expect(RetryPolicy.retryAfter("Wed Oct 21 07:28:00 2015", now: before) == .seconds(30))
    // A date already past means: now.
    #expect(
      RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now: date.addingTimeInterval(5))
        == .zero)
    for unreadable in [nil, "", "soon", "-3", "Wed, 21 Oct 2015"] {
      #expect(RetryPolicy.retryAfter(unreadable) == nil, "\(String(describing: unreadable))")
    }
  }
}
