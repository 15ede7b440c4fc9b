import { all, get, post, remove } from "../api.js";
import { h, replace, field, toast, formatDate } from "../dom.js";

// Webhook endpoints (the secret is shown once), and the delivery log.
export async function webhooksView(main) {
  const [endpoints, types, events] = await Promise.all([
    all("/v3/webhooks/endpoints"), all("/v3/webhooks/event-types"), all("/v3/webhooks/events", 100),
  ]);
  const url = h("input", { type: "url", required: true, id: "webhook-url", placeholder: "https://example.com/hooks/orator" });
  const boxes = types.map((type) => h("label", { class: "hint" },
    h("input", { type: "checkbox", value: type.event_type }), ` ${type.event_type}`));
  const message = h("p", { role: "status" });
  const form = h("form", { class: "panel stack", id: "webhook-form" }, h("h2", {}, "Add an endpoint"),
    field("URL", url), h("fieldset", {}, h("legend", {}, "Events (none ticked: all)"), boxes), message,
    h("button", { class: "primary", type: "submit" }, "Add"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = boxes.map((box) => box.querySelector("input")).filter((box) => box.checked).map((box) => box.value);
    try {
      const endpoint = await post("/v3/webhooks/endpoints", { url: url.value, events: chosen.length ? chosen : null });
      message.textContent = `Added. Its signing secret, shown only now: ${endpoint.secret}`;
    } catch (error) { message.textContent = error.message; }
  });
  replace(main, h("h1", {}, "Webhooks"),
    endpoints.length === 0 ? h("p", { class: "hint" }, "No endpoints yet.") :
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "URL"), h("th", {}, "Events"), h("th", {}, ""))),
        h("tbody", {}, endpoints.map((endpoint) => h("tr", {}, h("td", {}, endpoint.url),
          h("td", {}, (endpoint.events ?? ["all"]).join(", ")),
          h("td", {}, h("button", { type: "button", class: "danger", onclick: async () => {
            if (!confirm(`Remove ${endpoint.url}?`)) return;
            await remove(`/v3/webhooks/endpoints/${encodeURIComponent(endpoint.endpoint_id ?? endpoint.id)}`);
            toast("Removed");
            webhooksView(main);
          } }, "Remove")))))),
    form, h("h2", {}, "Deliveries"),
    events.length === 0 ? h("p", { class: "hint" }, "No deliveries yet.") :
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Event"), h("th", {}, "When"), h("th", {}, "Status"))),
        h("tbody", {}, events.map((entry) => h("tr", {}, h("td", {}, entry.event_type),
          h("td", {}, entry.created_at ? new Date(entry.created_at).toLocaleString() : ""),
          h("td", {}, entry.status ?? ""))))));
}
