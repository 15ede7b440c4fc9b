import OratorCore

/// The v3 webhook endpoints, event types and delivery history in the OpenAPI description.
enum OpenAPIV3Webhooks {
  typealias S = OpenAPISchemas
  typealias P = OpenAPIPaths
  typealias V3 = OpenAPIV3

  private static let endpointID = P.path("endpoint_id", "a webhook endpoint id")
  private static let body: JSONTree = [
    "required": true,
    "content": ["application/json": ["schema": S.ref("V3WebhookEndpointRequest")]],
  ]

  static let paths: [String: [String: JSONTree]] = [
    "/v3/webhooks/endpoints": [
      "post": V3.operation(
        "v3CreateWebhookEndpoint",
        "Register a receiver; it must answer OPTIONS with 2xx. The secret is shown only here",
        tag: "Webhooks", body: body,
        responses: ["200": P.json(V3.data(S.ref("V3WebhookEndpoint")))]),
      "get": V3.operation(
        "v3ListWebhookEndpoints", "The account's receivers (secret null)", tag: "Webhooks",
        parameters: [V3.limit(10, 100), V3.token],
        responses: ["200": P.json(V3.list("V3WebhookEndpoint"))]),
    ],
    "/v3/webhooks/endpoints/{endpoint_id}": [
      "patch": V3.operation(
        "v3UpdateWebhookEndpoint",
        "Change the URL, replace the events (null: every event), or pause and resume deliveries with status (an Orator extension)",
        tag: "Webhooks", parameters: [endpointID], body: body,
        responses: [
          "200": P.json(V3.data(S.ref("V3WebhookEndpoint"))), "404": V3.error("not_found"),
        ]),
      "delete": V3.operation(
        "v3DeleteWebhookEndpoint", "Remove a receiver; its undelivered events are dropped",
        tag: "Webhooks", parameters: [endpointID],
        responses: [
          "200": P.json(S.object(["data": S.object([:])])), "404": V3.error("not_found"),
        ]),
    ],
    "/v3/webhooks/endpoints/{endpoint_id}/rotate-secret": [
      "post": V3.operation(
        "v3RotateWebhookSecret", "A new signing secret, shown only here", tag: "Webhooks",
        parameters: [endpointID],
        responses: [
          "200": P.json(V3.data(S.object(["endpoint_id": S.string, "secret": S.string]))),
          "404": V3.error("not_found"),
        ])
    ],
    "/v3/webhooks/event-types": [
      "get": V3.operation(
        "v3WebhookEventTypes", "The events Orator sends", tag: "Webhooks",
        responses: ["200": P.json(V3.list("V3WebhookEventType"))])
    ],
    "/v3/webhooks/events": [
      "get": V3.operation(
        "v3WebhookEvents", "Delivery history, newest first", tag: "Webhooks",
        parameters: [
          P.query("event_type", "only this event"),
          P.query("entity_id", "only events about this video or translation"),
          V3.limit(10, 100), V3.token,
        ],
        responses: ["200": P.json(V3.list("V3WebhookEvent"))])
    ],
  ]

  static let schemas: [String: JSONTree] = [
    "V3WebhookEndpointRequest": [
      "type": "object",
      "properties": [
        "url": S.url,
        "events": [
          "type": ["array", "null"],
          "description":
            "Any of HeyGen's event names; Orator sends only those GET /v3/webhooks/event-types lists",
          "items": ["enum": JSONTree.array(WebhookEventType.allCases.map { .string($0.rawValue) })],
        ],
        "entity_id": S.nullable("string"),
        "status": [
          "enum": ["enabled", "disabled"],
          "description":
            "Orator extension, on update only: disabled stops deliveries (pending retries included), enabled resumes them",
        ],
      ],
    ],
    "V3WebhookEndpoint": S.object(
      [
        "endpoint_id": S.string, "url": S.url, "status": ["enum": ["enabled", "disabled"]],
        "created_at": ["type": "string", "format": "date-time"],
        "events": ["type": ["array", "null"], "items": S.string],
        "secret": S.nullable("string"),
      ]),
    "V3WebhookEventType": S.object(["event_type": S.string, "description": S.string]),
    "V3WebhookEvent": S.object(
      [
        "event_id": S.string, "event_type": S.string,
        "created_at": ["type": "string", "format": "date-time"], "event_data": ["type": "object"],
      ]),
  ]
}
