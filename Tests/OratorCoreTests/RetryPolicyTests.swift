import OratorCore
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
  @Test func defaultsBackOffExponentially() {
    let policy = RetryPolicy()
    #expect(policy.maxAttempts == 3)
    #expect(policy.delay(afterAttempt: 1) == .seconds(5))
    #expect(policy.delay(afterAttempt: 2) == .seconds(25))
    #expect(policy.delay(afterAttempt: 3) == .seconds(125))
    #expect(policy.allowsRetry(afterAttempt: 2))
    #expect(!policy.allowsRetry(afterAttempt: 3))
  }

  @Test func delayIsCapped() {
    let policy = RetryPolicy(maxAttempts: 50, maxDelay: .seconds(600))
    #expect(policy.delay(afterAttempt: 4) == .seconds(600))
    #expect(policy.delay(afterAttempt: 40) == .seconds(600))
  }
}
