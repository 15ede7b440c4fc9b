import { all, get, post } from "../api.js";
import { h, replace, field } from "../dom.js";

// Translate a finished video into other languages; the translations' progress below.
export async function translateView(main) {
  const [videos, languages, translations] = await Promise.all([
    all("/v3/videos", 300), get("/v3/video-translations/languages"), all("/v3/video-translations", 100),
  ]);
  const finished = videos.filter((video) => video.status === "completed");
  const video = h("select", { id: "translate-video" },
    finished.map((entry) => h("option", { value: entry.video_url }, entry.title || entry.id)));
  const boxes = (languages.languages ?? []).map((name) =>
    h("label", { class: "hint" }, h("input", { type: "checkbox", value: name }), ` ${name}`));
  const captions = h("input", { type: "checkbox", id: "translate-captions" });
  const message = h("p", { role: "status" });
  const form = h("form", { class: "panel stack", id: "translate" },
    h("h1", {}, "Translate a video"),
    finished.length === 0 ? h("p", { class: "hint" }, "No finished videos to translate yet.") : null,
    field("Video", video), h("fieldset", { class: "row" }, h("legend", {}, "Into"), boxes),
    h("label", { class: "hint" }, captions, " Burn captions into a copy"),
    message, h("button", { class: "primary", type: "submit", disabled: finished.length === 0 }, "Translate"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = boxes.map((box) => box.querySelector("input")).filter((box) => box.checked).map((box) => box.value);
    if (chosen.length === 0) { message.textContent = "Pick at least one language."; return; }
    try {
      const answer = await post("/v3/video-translations", {
        video: { type: "url", url: video.value }, output_languages: chosen, enable_caption: captions.checked,
        title: video.selectedOptions[0]?.textContent,
      });
      message.textContent = `Started ${answer.video_translation_ids?.length ?? chosen.length} translation(s).`;
      setTimeout(() => translateView(main), 800);
    } catch (error) { message.textContent = error.message; }
  });
  replace(main, form, h("h2", {}, "Translations"),
    translations.length === 0 ? h("p", { class: "hint" }, "None yet.") :
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Title"), h("th", {}, "Language"), h("th", {}, "Status"), h("th", {}, "Result"))),
        h("tbody", {}, translations.map((entry) => h("tr", {},
          h("td", {}, entry.title ?? entry.id), h("td", {}, entry.output_language ?? ""),
          h("td", {}, h("span", { class: `badge ${entry.status}` }, entry.status)),
          h("td", {}, entry.video_url ? h("a", { href: entry.video_url }, "Video") : (entry.failure_message ?? "")))))));
}
