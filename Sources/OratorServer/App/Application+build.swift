import Foundation
import Hummingbird
import Logging
import OratorCore
import ServiceLifecycle

/// Builds the server: the same wiring for `orator serve` and for tests.
public func buildApplication(
  environment: ServerEnvironment, logger: Logger = Logger(label: "orator"),
  onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
  let configuration = environment.configuration
  var services: [any Service] = [
    LeaseReaper(environment: environment, logger: logger),
    WebhookDispatcher(environment: environment, logger: logger),
    TranslationSidecarService(translation: environment.translation),
    PiperSidecarService(speech: environment.speech),
  ]
  if let days = configuration.mediaRetentionDays {
    services.append(
      MediaRetentionService(
        environment: environment, retention: .seconds(days * 86400), logger: logger))
  }
  for index in 0..<configuration.workers {
    services.append(
      RenderWorker(
        environment: environment,
        name:
          "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(index)",
        logger: logger))
  }
  return Application(
    responder: PathNormalizingResponder(buildRouter(environment: environment).buildResponder()),
    server: .http1(
      timeouts: ConnectionTimeouts(
        idle: configuration.idleTimeout, head: configuration.requestHeadTimeout,
        body: configuration.requestBodyTimeout)),
    configuration: .init(
      address: .hostname(configuration.host, port: configuration.port), serverName: "Orator"),
    services: services,
    onServerRunning: { channel in
      let port = channel.localAddress?.port ?? configuration.port
      environment.listener.bind(port)
      await onServerRunning(port)
    },
    logger: logger)
}

/// All routes: public ones (health, media, share pages, previews, OpenAPI), the API behind
/// `AuthMiddleware`, and the internal worker API behind `WorkerAuthMiddleware`.
public func buildRouter(environment: ServerEnvironment) -> Router<AppRequestContext> {
  let router = Router(context: AppRequestContext.self)
  var table = RouteTable()
  // The error middleware needs the finished route table; it reads it through a box filled below.
  let tableBox = RouteTableBox()
  // Outermost, so error answers carry the headers too.
  router.add(middleware: RequestIDMiddleware())
  // Requests and latency by route and status, errors included (inside it, every error has
  // become a response).
  router.add(middleware: MetricsMiddleware())
  router.add(middleware: SecurityHeadersMiddleware())
  router.add(middleware: ErrorMiddleware(routes: tableBox))

  var publicRoutes = RouterRegistry(group: router.group(), table: table)
  PublicRoutes(environment: environment).register(on: &publicRoutes)
  PreviewRoutes(environment: environment).register(on: &publicRoutes)
  OpenAPIRoutes(environment: environment).register(on: &publicRoutes)
  StudioRoutes(environment: environment).register(on: &publicRoutes)
  table = publicRoutes.table

  var api = RouterRegistry(
    group: router.group().add(middleware: AuthMiddleware(store: environment.store)), table: table)
  VideoRoutes(environment: environment).register(on: &api)
  CatalogueRoutes(environment: environment).register(on: &api)
  QuotaRoutes(environment: environment).register(on: &api)
  AssetRoutes(environment: environment).register(on: &api)
  TalkingPhotoRoutes(environment: environment).register(on: &api)
  TemplateRoutes(environment: environment).register(on: &api)
  WebhookRoutes(environment: environment).register(on: &api)
  TranslationRoutes(environment: environment).register(on: &api)
  let idempotency = IdempotentRequests(store: environment.store, clock: environment.clock)
  V3AccountRoutes(environment: environment).register(on: &api)
  V3CatalogueRoutes(environment: environment).register(on: &api)
  V3VideoRoutes(environment: environment, idempotency: idempotency).register(on: &api)
  V3AssetRoutes(environment: environment, idempotency: idempotency).register(on: &api)
  V3SpeechRoutes(environment: environment, idempotency: idempotency).register(on: &api)
  V3TranslationRoutes(environment: environment, idempotency: idempotency).register(on: &api)
  V3TemplateRoutes(environment: environment, idempotency: idempotency).register(on: &api)
  V3WebhookRoutes(environment: environment).register(on: &api)
  table = api.table

  // Render workers on other machines; without a worker token these routes do not exist.
  if let token = environment.configuration.workerToken, !token.isEmpty {
    var workers = RouterRegistry(
      group: router.group().add(middleware: WorkerAuthMiddleware(token: token)), table: table)
    WorkerRoutes(environment: environment).register(on: &workers)
    table = workers.table
  }
  tableBox.set(table)
  return router
}
