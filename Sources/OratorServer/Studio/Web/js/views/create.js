import { all, get, post, call } from "../api.js";
import { h, replace, field, toast, formatDuration } from "../dom.js";

// Speech runs about 14 characters a second at speed 1 (the server's own estimate).
const charactersPerSecond = 14;

const sizes = {
  "16:9 · 1280×720": { width: 1280, height: 720 },
  "16:9 · 1920×1080": { width: 1920, height: 1080 },
  "9:16 · 720×1280": { width: 720, height: 1280 },
  "1:1 · 1080×1080": { width: 1080, height: 1080 },
};

export function estimateSeconds(script, speed = 1) {
  let pauses = 0;
  const text = script.replace(/<break\s+time="([\d.]+)(ms|s)"\s*\/>/g, (_, value, unit) => {
    pauses += unit === "ms" ? Number(value) / 1000 : Number(value);
    return " ";
  });
  return text.trim().length / charactersPerSecond / speed + pauses;
}

// A new video: presenter and voice (seen and heard), script with pauses, background, size,
// captions, several scenes; submitting shows progress until it plays.
export async function createView(main) {
  const [looks, voices, me] = await Promise.all([
    all("/v3/avatars/looks", 1000), all("/v3/voices", 2000), get("/v3/users/me"),
  ]);
  const credit = me?.wallet?.remaining_balance ?? null;
  const title = h("input", { id: "title", maxlength: "500", placeholder: "Untitled video" });
  const size = h("select", { id: "size" }, Object.keys(sizes).map((name) => h("option", {}, name)));
  const captions = h("input", { type: "checkbox", id: "captions" });
  const estimate = h("p", { class: "hint", id: "estimate", "aria-live": "polite" });
  const scenesBox = h("div", { class: "scenes" });
  const submit = h("button", { class: "primary", type: "submit", id: "submit" }, "Create video");
  const message = h("p", { class: "error", role: "alert" });
  const scenes = [];

  function updateEstimate() {
    const seconds = scenes.reduce((sum, scene) => sum + estimateSeconds(scene.script.value), 0);
    const cost = Math.ceil(seconds);
    estimate.textContent = `About ${formatDuration(seconds)} of video · ${cost} s of credit` +
      (credit !== null ? ` · ${credit} s left` : "");
    estimate.classList.toggle("error", credit !== null && cost > credit);
  }

  function addScene() {
    const scene = sceneEditor(scenes.length + 1, looks, voices, updateEstimate, () => {
      scenes.splice(scenes.indexOf(scene), 1);
      scene.element.remove();
      updateEstimate();
    });
    scenes.push(scene);
    scenesBox.append(scene.element);
    updateEstimate();
  }

  // A portrait becomes a presenter (a talking photo) for this and later videos.
  const portrait = h("input", { type: "file", accept: "image/jpeg,image/png,image/webp", id: "portrait" });
  const portraitState = h("span", { class: "hint", role: "status" },
    "One face, at least 80 px tall, looking at the camera.");
  portrait.addEventListener("change", async () => {
    const picture = portrait.files?.[0];
    if (!picture) return;
    portraitState.textContent = "Finding the face…";
    try {
      await call("POST", "/v1/talking_photo", picture);
      toast("Your portrait is now a presenter");
      createView(main);
    } catch (error) {
      portraitState.textContent = `Not used: ${error.message}`;
      portraitState.classList.add("error");
    }
  });

  const form = h("form", { id: "create", class: "stack" },
    h("h1", {}, "New video"),
    h("div", { class: "panel row" }, field("Your own presenter: upload a portrait", portrait), portraitState),
    h("div", { class: "panel row" }, field("Title", title), field("Size", size),
      h("div", { class: "field" }, h("label", {}, h("span", {}, "Captions")),
        h("label", { for: "captions", class: "hint" }, captions, " Burn captions into a copy"))),
    scenesBox,
    h("div", { class: "row" },
      h("button", { type: "button", id: "add-scene", onclick: addScene }, "Add a scene"),
      h("span", { class: "spacer" }), estimate, submit),
    message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.textContent = "";
    submit.disabled = true;
    try {
      const inputs = [];
      for (const scene of scenes) inputs.push(await scene.input());
      const body = {
        title: title.value.trim() || "Untitled video",
        caption: captions.checked,
        dimension: sizes[size.value],
        video_inputs: inputs,
      };
      const answer = await post("/v2/video/generate", body);
      watch(main, answer.video_id, body.title);
    } catch (error) {
      message.textContent = error.param ? `${error.param}: ${error.message}` : error.message;
      submit.disabled = false;
    }
  });
  replace(main, form);
  addScene();
}

function sceneEditor(number, looks, voices, changed, removeScene) {
  let chosenLook = looks.find((look) => look.avatar_type !== "photo_avatar") ?? looks[0];
  const lookButtons = looks.map((look) => {
    const preview = h("img", { src: look.preview_image_url, alt: "", loading: "lazy" });
    const button = h("button", { type: "button", class: "choice", "aria-pressed": String(look === chosenLook),
      dataset: { look: look.id }, title: look.name },
      h("div", { class: "thumb" }, preview), h("span", {}, look.name));
    // Hovering (or focusing) plays the presenter's preview clip in place of the picture.
    const showClip = () => {
      if (!look.preview_video_url || button.querySelector("video")) return;
      const clip = h("video", { src: look.preview_video_url, muted: true, autoplay: true, loop: true, playsinline: true });
      clip.muted = true;
      button.querySelector(".thumb").replaceChildren(clip);
    };
    const hideClip = () => button.querySelector(".thumb").replaceChildren(preview);
    button.addEventListener("mouseenter", showClip);
    button.addEventListener("focus", showClip);
    button.addEventListener("mouseleave", hideClip);
    button.addEventListener("blur", hideClip);
    button.addEventListener("click", () => {
      chosenLook = look;
      for (const other of lookButtons) other.setAttribute("aria-pressed", String(other === button));
      if (look.default_voice_id && voices.some((voice) => voice.voice_id === look.default_voice_id)) {
        chooseVoice(look.default_voice_id);
      }
    });
    return button;
  });

  const languages = [...new Set(voices.map((voice) => voice.language))].sort();
  const language = h("select", { "aria-label": "Voice language" }, h("option", { value: "" }, "All languages"),
    languages.map((name) => h("option", { selected: name === "English" }, name)));
  const gender = h("select", { "aria-label": "Voice gender" }, h("option", { value: "" }, "Any voice"),
    h("option", { value: "female" }, "Female"), h("option", { value: "male" }, "Male"));
  const voiceList = h("div", { class: "voices", role: "radiogroup", "aria-label": "Voice" });
  const group = `voice-${number}-${Math.random().toString(36).slice(2, 7)}`;
  let chosenVoice = chosenLook?.default_voice_id ?? voices[0]?.voice_id;
  let sample = null;
  function listVoices() {
    const shown = voices.filter((voice) => (!language.value || voice.language === language.value) &&
      (!gender.value || voice.gender === gender.value));
    replace(voiceList, shown.slice(0, 200).map((voice) => {
      const radio = h("input", { type: "radio", name: group, value: voice.voice_id,
        checked: voice.voice_id === chosenVoice });
      radio.addEventListener("change", () => { chosenVoice = voice.voice_id; });
      return h("div", { class: "voice" },
        h("label", {}, radio, `${voice.name}`, h("span", { class: "hint" }, `${voice.gender} · ${voice.engine ?? ""}`)),
        voice.preview_audio_url ? h("button", { type: "button", "aria-label": `Hear ${voice.name}`,
          onclick: () => { sample?.pause(); sample = new Audio(voice.preview_audio_url); sample.play(); } }, "▶") : null);
    }));
  }
  function chooseVoice(id) {
    chosenVoice = id;
    const voice = voices.find((entry) => entry.voice_id === id);
    if (voice) { language.value = voice.language; }
    listVoices();
  }
  language.addEventListener("change", listVoices);
  gender.addEventListener("change", listVoices);
  listVoices();

  const script = h("textarea", { required: true, maxlength: "5000", "aria-label": `Script of scene ${number}`,
    class: "script" }, "Hello! Welcome to Orator Studio.");
  script.addEventListener("input", changed);
  const pause = h("button", { type: "button", onclick: () => {
    const at = script.selectionStart ?? script.value.length;
    script.setRangeText(' <break time="1s"/> ', at, script.selectionEnd ?? at, "end");
    script.focus();
    changed();
  } }, "Insert a 1 s pause");

  const backgroundKind = h("select", { "aria-label": "Background" },
    h("option", { value: "color" }, "Colour"), h("option", { value: "image" }, "Picture"),
    h("option", { value: "video" }, "Video"));
  const colour = h("input", { type: "color", value: "#f4f1ea", "aria-label": "Background colour" });
  const url = h("input", { type: "url", placeholder: "https://… (or upload a file)", "aria-label": "Background URL" });
  const file = h("input", { type: "file", accept: "image/*,video/*", "aria-label": "Background file" });
  const backgroundDetail = h("div", { class: "row" });
  function showBackground() {
    replace(backgroundDetail, backgroundKind.value === "color" ? colour : [url, file]);
  }
  backgroundKind.addEventListener("change", showBackground);
  showBackground();

  const element = h("section", { class: "panel stack", "aria-label": `Scene ${number}` },
    h("div", { class: "row" }, h("h2", {}, `Scene ${number}`), h("span", { class: "spacer" }),
      number > 1 ? h("button", { type: "button", class: "danger", onclick: removeScene }, "Remove scene") : null),
    h("div", { class: "two" },
      h("div", { class: "stack" }, h("label", {}, "Presenter"), h("div", { class: "picker" }, lookButtons)),
      h("div", { class: "stack" }, h("label", {}, "Voice"), h("div", { class: "row" }, language, gender), voiceList)),
    h("div", { class: "stack" }, h("label", {}, "Script"), script, h("div", { class: "row" }, pause,
      h("span", { class: "hint" }, "Pauses are written <break time=\"1s\"/>."))),
    h("div", { class: "stack" }, h("label", {}, "Background"), h("div", { class: "row" }, backgroundKind, backgroundDetail)));

  async function background() {
    const kind = backgroundKind.value;
    if (kind === "color") return { type: "color", value: colour.value };
    if (file.files?.[0]) {
      const upload = file.files[0];
      const asset = await call("POST", "/v1/asset", upload);
      return kind === "image"
        ? { type: "image", image_asset_id: asset.id }
        : { type: "video", video_asset_id: asset.id, play_style: "loop" };
    }
    if (!url.value) throw new Error(`Scene ${number}: give the background's URL or a file`);
    return kind === "image" ? { type: "image", url: url.value } : { type: "video", url: url.value, play_style: "loop" };
  }

  return {
    element, script,
    async input() {
      const isPhoto = chosenLook?.avatar_type === "photo_avatar";
      return {
        character: isPhoto
          ? { type: "talking_photo", talking_photo_id: chosenLook.id }
          : { type: "avatar", avatar_id: chosenLook.id, avatar_style: "normal" },
        voice: { type: "text", input_text: script.value, voice_id: chosenVoice },
        background: await background(),
      };
    },
  };
}

// Shows the new video's progress until it plays.
export function watch(main, id, title) {
  const bar = h("progress", { max: "1", value: "0", id: "render-progress", "aria-label": "Rendering progress" });
  const state = h("p", { id: "render-state", "aria-live": "polite" }, "Queued…");
  const stage = h("div", { class: "stack", id: "stage" }, bar, state);
  replace(main, h("div", { class: "panel stack" }, h("h1", {}, title), stage,
    h("p", {}, h("a", { href: "#/library" }, "Back to the library"))));
  const timer = setInterval(async () => {
    if (!document.body.contains(stage)) { clearInterval(timer); return; }
    try {
      const video = await get(`/v3/videos/${encodeURIComponent(id)}`);
      bar.value = video.progress ?? 0;
      state.textContent = `${video.status} · ${Math.round((video.progress ?? 0) * 100)} %`;
      if (video.status === "completed") {
        clearInterval(timer);
        replace(stage, h("video", { controls: true, playsinline: true, src: video.video_url,
          poster: video.thumbnail_url, id: "result" }),
          h("div", { class: "actions" }, h("a", { class: "button", href: video.video_url, download: "" }, "Download")));
        toast("Your video is ready");
      } else if (video.status === "failed") {
        clearInterval(timer);
        state.textContent = `Failed: ${video.failure_message ?? "unknown reason"}`;
        state.classList.add("error");
      }
    } catch (error) { state.textContent = `Checking progress failed: ${error.message}`; }
  }, 1000);
}
