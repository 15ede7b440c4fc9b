import NIOCore
import Synchronization

/// Tells a long poll that its client hung up. The server allows half-closed connections, so a
/// worker that exits leaves the channel active (only its input is closed) and `isActive` alone
/// would not notice until the answer was written; this handler, put at the front of the
/// connection's pipeline for the length of one claim, records the end of input as it arrives.
final class HangUpObserver: ChannelInboundHandler, RemovableChannelHandler, Sendable {
  typealias InboundIn = ByteBuffer

  private let hungUp = Mutex(false)
  private let channel: any Channel

  private init(channel: any Channel) {
    self.channel = channel
  }

  /// Watches `channel` until `detach()`; nil when the connection is already gone.
  static func attach(to channel: any Channel) async -> HangUpObserver? {
    let observer = HangUpObserver(channel: channel)
    do {
      try await channel.pipeline.addHandler(observer, position: .first).get()
    } catch {
      return nil
    }
    return observer
  }

  /// Whether the client closed its side or the connection closed.
  var hasHungUp: Bool { hungUp.withLock { $0 } || !channel.isActive }

  /// Takes the handler out again, so a keep-alive connection's next request starts clean.
  func detach() {
    channel.pipeline.removeHandler(self, promise: nil)
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .inputClosed? = event as? ChannelEvent {
      hungUp.withLock { $0 = true }
    }
    context.fireUserInboundEventTriggered(event)
  }

  func channelInactive(context: ChannelHandlerContext) {
    hungUp.withLock { $0 = true }
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // A reset connection: nobody is listening for the answer any more.
    hungUp.withLock { $0 = true }
    context.fireErrorCaught(error)
  }
}
