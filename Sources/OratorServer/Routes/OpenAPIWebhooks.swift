import OratorCore

/// The webhook part of the OpenAPI description: HeyGen's management endpoints, Orator's
/// delivery log, and the shapes they answer with.
enum OpenAPIWebhooks {
  typealias S = OpenAPISchemas
  typealias P = OpenAPIPaths

  static let endpointID = P.query("endpoint_id", "from POST /v1/webhook/endpoint.add")

  static let paths: [String: [String: JSONTree]] = [
    "/v1/webhook/endpoint.add": [
      "post": P.operation(
        "addWebhookEndpoint",
        "Register a receiver; it must answer OPTIONS with 2xx within 2 s. data.secret signs deliveries",
        tag: "Webhooks",
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("WebhookEndpointBody")]],
        ],
        responses: ["200": P.json(S.v1(S.ref("WebhookEndpoint"))), "400": P.v1Error])
    ],
    "/v1/webhook/endpoint.list": [
      "get": P.operation(
        "listWebhookEndpoints", "The account's endpoints, oldest first", tag: "Webhooks",
        responses: ["200": P.json(S.v1(S.array(S.ref("WebhookEndpoint"))))])
    ],
    "/v1/webhook/endpoint.update": [
      "patch": P.operation(
        "updateWebhookEndpoint", "Change an endpoint's url, events or status", tag: "Webhooks",
        body: [
          "required": true,
          "content": ["application/json": ["schema": S.ref("WebhookEndpointBody")]],
        ],
        responses: [
          "200": P.json(S.v1(S.ref("WebhookEndpoint"))), "400": P.v1Error, "404": P.notFoundV1,
        ])
    ],
    "/v1/webhook/endpoint.delete": [
      "delete": P.operation(
        "deleteWebhookEndpoint", "Delete an endpoint; its pending events are given up",
        tag: "Webhooks", parameters: [endpointID],
        responses: ["200": P.json(S.v1(S.null)), "400": P.v1Error, "404": P.notFoundV1])
    ],
    "/v1/webhook/webhook.list": [
      "get": P.operation(
        "listWebhookEvents", "The event names an endpoint can ask for", tag: "Webhooks",
        responses: ["200": P.json(S.v1(S.array(S.string)))])
    ],
    "/v1/webhook/delivery.list": [
      "get": P.operation(
        "listWebhookDeliveries",
        "Events sent to the account's receivers, newest first, with every attempt (Orator extension)",
        tag: "Webhooks",
        parameters: [
          endpointID,
          P.query(
            "limit", "1–100, default 50", schema: ["type": "integer", "minimum": 1, "maximum": 100]),
        ],
        responses: [
          "200": P.json(S.v1(S.array(S.ref("WebhookDelivery")))), "404": P.notFoundV1,
        ])
    ],
  ]

  static let schemas: [String: JSONTree] = [
    "WebhookEndpointBody": S.object(
      [
        "endpoint_id": S.described(S.string, "update only"),
        "url": S.url,
        "events": S.described(S.nullable("array"), "event names; empty or null means every event"),
        "status": ["type": "string", "enum": ["enabled", "disabled"]],
      ], optional: ["endpoint_id", "url", "events", "status"]),
    "WebhookEndpoint": S.object([
      "endpoint_id": S.string, "url": S.url,
      "secret": S.described(
        S.string, "key of the hex HMAC-SHA256 in each delivery's Signature header"),
      "status": S.string, "events": S.nullable("array"), "username": S.nullable("string"),
      "entity_id": S.nullable("string"),
      "created_at": S.described(S.string, "ISO time, UTC, no zone"),
    ]),
    "WebhookDelivery": S.object([
      "event_id": S.string, "event_type": S.string, "endpoint_id": S.nullable("string"),
      "url": S.nullable("string"),
      "status": ["type": "string", "enum": ["delivered", "retrying", "failed"]],
      "created_at": S.integer, "next_attempt_at": S.nullable("integer"),
      "delivered_at": S.nullable("integer"),
      "attempts": S.array(
        S.object([
          "at": S.integer, "status_code": S.nullable("integer"), "error": S.nullable("string"),
          "duration_ms": S.integer,
        ])),
    ]),
  ]
}
