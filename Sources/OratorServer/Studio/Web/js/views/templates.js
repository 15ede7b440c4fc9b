import { all, get, post } from "../api.js";
import { h, replace, field, formatDate } from "../dom.js";
import { watch } from "./create.js";

// Templates: pick one, fill in its variables in a form made from their types, generate.
export async function templatesView(main, [id]) {
  if (id) return templateForm(main, id);
  const templates = await all("/v3/templates");
  replace(main, h("h1", {}, "Templates"),
    templates.length === 0
      ? h("p", { class: "hint" }, "No templates yet. Make one with POST /v2/template (see the API page).")
      : h("div", { class: "grid", id: "templates" }, templates.map((template) =>
        h("article", { class: "card" },
          h("div", { class: "thumb" }, template.thumbnail_url ? h("img", { src: template.thumbnail_url, alt: "" }) : "Template"),
          h("div", { class: "body" }, h("div", { class: "title" }, template.name),
            h("div", { class: "meta" }, template.aspect_ratio ?? "", formatDate(template.created_at)),
            h("div", { class: "actions" },
              h("a", { class: "button primary", href: `#/templates/${encodeURIComponent(template.id)}` }, "Use")))))));
}

const propertyOf = {
  text: ["content", "Text"], image: ["url", "Picture URL"], video: ["url", "Video URL"],
  audio: ["url", "Audio URL"], character: ["character_id", "Presenter id"], voice: ["voice_id", "Voice id"],
};

async function templateForm(main, id) {
  const template = await get(`/v3/templates/${encodeURIComponent(id)}`);
  const inputs = Object.entries(template.variables ?? {}).map(([name, variable]) => {
    const [property, label] = propertyOf[variable.type] ?? ["content", "Value"];
    const current = variable.properties?.[property] ?? "";
    const control = variable.type === "text"
      ? h("textarea", { name, rows: "3" }, current)
      : h("input", { name, value: current, type: variable.type === "character" || variable.type === "voice" ? "text" : "url" });
    return { name, variable, property, control,
      element: field(`${name} · ${label}`, control, `${variable.type} variable`) };
  });
  const title = h("input", { id: "template-title", value: template.name });
  const message = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "panel stack", id: "template-form" },
    h("h1", {}, template.name), field("Video title", title), inputs.map((input) => input.element),
    message, h("button", { class: "primary", type: "submit" }, "Generate"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.textContent = "";
    const variables = {};
    for (const input of inputs) {
      const properties = { ...(input.variable.properties ?? {}), [input.property]: input.control.value };
      variables[input.name] = { name: input.name, type: input.variable.type, properties };
    }
    try {
      const video = await post(`/v3/templates/${encodeURIComponent(id)}`, { title: title.value, variables });
      watch(main, video.id ?? video.video_id, title.value);
    } catch (error) {
      message.textContent = error.param ? `${error.param}: ${error.message}` : error.message;
    }
  });
  replace(main, h("p", {}, h("a", { href: "#/templates" }, "← All templates")), form);
}
