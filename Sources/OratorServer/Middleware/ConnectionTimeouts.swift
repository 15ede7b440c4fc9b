import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes

/// How long a client may take over each part of a connection. Without them one client can
/// hold a connection (and its memory) forever by sending nothing, half a header line, or one
/// byte of a body now and then.
public struct ConnectionTimeouts: Sendable {
  /// A connection with no request in progress is closed after this long.
  public var idle: Duration
  /// A request head that has begun to arrive must be complete within this long; the
  /// connection is closed otherwise (there is no request to answer yet).
  public var head: Duration
  /// A request body must be complete within this long of its head, plus one second for every
  /// `minimumBodyRate` bytes that did arrive (so a large upload on a slow but steady link is
  /// not cut off, while a trickle is): 408 otherwise.
  public var body: Duration
  /// Bytes per second a long body must average to earn more time than `body`.
  public var minimumBodyRate: Int

  public init(idle: Duration, head: Duration, body: Duration, minimumBodyRate: Int = 64 << 10) {
    self.idle = idle
    self.head = head
    self.body = body
    self.minimumBodyRate = minimumBodyRate
  }
}

/// The error a body that outlived its time ends with, inside the request handler that reads
/// it: the error middleware answers 408, and the connection is closed after the answer.
struct RequestBodyTimeout: HTTPResponseError {
  var limit: Duration

  var status: HTTPResponse.Status { .requestTimeout }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    Response(status: status, headers: [.connection: "close"])
  }
}

extension HTTPServerBuilder {
  /// HTTP/1.1 with idle, request-head and request-body timeouts.
  static func http1(timeouts: ConnectionTimeouts) -> HTTPServerBuilder {
    HTTPServerBuilder { responder in TimedHTTP1Channel(responder: responder, timeouts: timeouts) }
  }
}

/// Hummingbird's HTTP/1 channel with two watchers added: one on the raw bytes, which sees a
/// request head begin, and one on the decoded parts, which sees it end and times the body.
/// The idle timeout is Hummingbird's own.
struct TimedHTTP1Channel: HTTPChannelHandler {
  typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

  let responder: HTTPChannelHandler.Responder
  let timeouts: ConnectionTimeouts

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
    let timeouts = self.timeouts
    let responder = self.responder
    return channel.eventLoop.makeCompletedFuture {
      let clock = RequestClock(timeouts: timeouts)
      // First in the pipeline, before the HTTP decoder, which the HTTP/1 setup appends.
      try channel.pipeline.syncOperations.addHandler(HeadStartWatcher(clock: clock))
      return NIOLoopBound(clock, eventLoop: channel.eventLoop)
    }.flatMap { clock in
      HTTP1Channel(
        responder: responder,
        configuration: .init(
          additionalChannelHandlers: [RequestPartWatcher(clock: clock.value)],
          idleTimeout: TimeAmount(timeouts.idle))
      ).setup(channel: channel, logger: logger)
    }
  }

  func handle(value: Value, logger: Logger) async {
    await handleHTTP(asyncChannel: value, logger: logger)
  }
}

/// One connection's request timers, shared by its two watchers on the channel's event loop.
final class RequestClock {
  let timeouts: ConnectionTimeouts
  /// True between requests: the next bytes to arrive start a request head.
  var awaitingHead = true
  var headTimer: Scheduled<Void>?
  var bodyTimer: Scheduled<Void>?
  var bodyStart = NIODeadline.now()
  var bodyBytes = 0

  init(timeouts: ConnectionTimeouts) { self.timeouts = timeouts }

  /// When the current body runs out of time, given what has arrived so far.
  var bodyDeadline: NIODeadline {
    let earned = Int64(bodyBytes) * 1_000_000_000 / Int64(max(1, timeouts.minimumBodyRate))
    return bodyStart + TimeAmount(timeouts.body) + .nanoseconds(earned)
  }

  func cancelAll() {
    headTimer?.cancel()
    headTimer = nil
    bodyTimer?.cancel()
    bodyTimer = nil
  }
}

/// Starts the head timer when the first byte of a request head arrives.
final class HeadStartWatcher: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = ByteBuffer

  let clock: RequestClock

  init(clock: RequestClock) { self.clock = clock }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if clock.awaitingHead, clock.headTimer == nil {
      let channel = context.channel
      clock.headTimer = context.eventLoop.assumeIsolated().scheduleTask(
        in: TimeAmount(clock.timeouts.head)
      ) {
        // Half a head has nothing to answer: the connection just ends.
        channel.close(promise: nil)
      }
    }
    context.fireChannelRead(data)
  }

  func channelInactive(context: ChannelHandlerContext) {
    clock.cancelAll()
    context.fireChannelInactive()
  }
}

/// Stops the head timer when a head is decoded and times the body that follows it.
final class RequestPartWatcher: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart

  let clock: RequestClock

  init(clock: RequestClock) { self.clock = clock }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head:
      clock.headTimer?.cancel()
      clock.headTimer = nil
      clock.awaitingHead = false
      clock.bodyStart = .now()
      clock.bodyBytes = 0
      scheduleBodyCheck(context: context, at: clock.bodyDeadline)
    case .body(let buffer):
      clock.bodyBytes += buffer.readableBytes
    case .end:
      clock.bodyTimer?.cancel()
      clock.bodyTimer = nil
      clock.awaitingHead = true
    }
    context.fireChannelRead(data)
  }

  private func scheduleBodyCheck(context: ChannelHandlerContext, at deadline: NIODeadline) {
    clock.bodyTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
      [clock] in
      clock.bodyTimer = nil
      let now = NIODeadline.now()
      let deadline = clock.bodyDeadline
      if now < deadline {
        self.scheduleBodyCheck(context: context, at: deadline)
      } else {
        // Ends the body stream the handler reads with this error; reads stop here.
        context.fireErrorCaught(RequestBodyTimeout(limit: clock.timeouts.body))
      }
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    clock.cancelAll()
  }
}

extension TimeAmount {
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}
