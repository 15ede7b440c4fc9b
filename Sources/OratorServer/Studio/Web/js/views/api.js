import { h, replace } from "../dom.js";

// The OpenAPI document as a readable page, with the curl for each call.
export async function apiView(main) {
  const document = await (await fetch("/openapi.json")).json();
  const base = location.origin;
  const groups = new Map();
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags?.[0] ?? "Other";
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag).push({ path, method: method.toUpperCase(), operation });
    }
  }
  const curl = ({ path, method, operation }) => {
    const key = (operation.security?.length ?? 1) === 0 ? "" : ' -H "X-Api-Key: $HEYGEN_API_KEY"';
    const body = operation.requestBody ? " -H 'Content-Type: application/json' -d '{…}'" : "";
    return `curl -X ${method} "${base}${path}"${key}${body}`;
  };
  replace(main, h("h1", {}, "API"),
    h("p", { class: "hint" }, `${document.info?.title ?? "Orator"} ${document.info?.version ?? ""} · `,
      h("a", { href: "/openapi.json" }, "openapi.json")),
    [...groups.entries()].map(([tag, entries]) => h("section", {}, h("h2", {}, tag),
      entries.map((entry) => h("details", { class: "panel" },
        h("summary", {}, h("span", { class: "method" }, entry.method), entry.path,
          h("span", { class: "hint" }, ` — ${entry.operation.summary ?? ""}`)),
        h("pre", {}, curl(entry)))))));
}
