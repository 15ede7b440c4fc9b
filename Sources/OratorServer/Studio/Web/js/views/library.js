import { page, get, post, remove } from "../api.js";
import { h, replace, toast, formatDuration, formatDate } from "../dom.js";

const unfinished = new Set(["pending", "processing", "waiting"]);

// The account's videos, newest first, a page at a time; search by title; unfinished ones
// show live progress.
export async function libraryView(main) {
  const search = h("input", { type: "search", placeholder: "Search titles", "aria-label": "Search titles", id: "search" });
  const grid = h("div", { class: "grid", id: "videos" });
  const more = h("button", { type: "button", id: "more", hidden: true }, "Load more");
  const empty = h("p", { class: "hint", hidden: true }, "No videos yet. ",
    h("a", { href: "#/new" }, "Make the first one."));
  const player = h("dialog", { id: "player", "aria-label": "Video player" });
  replace(main,
    h("div", { class: "toolbar" }, h("h1", {}, "Library"),
      h("span", { class: "spacer" }), search, h("a", { class: "button primary", href: "#/new" }, "New video")),
    grid, empty, h("p", {}, more), player);

  let token = null;
  let generation = 0;
  const cards = new Map();

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    if (reset) { token = null; cards.clear(); replace(grid); }
    const query = new URLSearchParams({ limit: "24" });
    if (search.value.trim()) query.set("title", search.value.trim());
    if (token) query.set("token", token);
    const answer = await page(`/v3/videos?${query}`);
    if (mine !== generation) return;
    for (const video of answer.data ?? []) {
      const card = videoCard(video);
      cards.set(video.id, card);
      grid.append(card.element);
    }
    token = answer.has_more ? answer.next_token : null;
    more.hidden = !token;
    empty.hidden = cards.size > 0;
  }

  function videoCard(video) {
    const element = h("article", { class: "card", dataset: { id: video.id } });
    const card = { element, video };
    render();
    function render() {
      const v = card.video;
      const busy = unfinished.has(v.status);
      const thumb = v.thumbnail_url
        ? h("button", { class: "thumb", type: "button", "aria-label": `Play ${v.title || "video"}`, onclick: play },
          h("img", { src: v.thumbnail_url, alt: "", loading: "lazy" }))
        : h("div", { class: "thumb" }, busy ? "Rendering…" : "No preview");
      const progress = busy
        ? h("progress", { max: "1", value: String(v.progress ?? 0), "aria-label": "Progress" })
        : null;
      const downloads = v.status === "completed" ? [
        h("a", { class: "button", href: v.video_url, download: "" }, "Download"),
        v.captioned_video_url ? h("a", { class: "button", href: v.captioned_video_url, download: "" }, "With captions") : null,
        v.subtitle_url ? h("a", { class: "button", href: v.subtitle_url, download: "" }, "Captions") : null,
      ] : [];
      replace(element, thumb, h("div", { class: "body" },
        h("div", { class: "title" }, v.title || "Untitled video"),
        h("div", { class: "meta" },
          h("span", { class: `badge ${v.status}` }, v.status),
          v.duration ? h("span", {}, formatDuration(v.duration)) : null,
          h("span", {}, formatDate(v.created_at))),
        progress,
        v.status === "failed" && v.failure_message ? h("div", { class: "error" }, v.failure_message) : null,
        h("div", { class: "actions" },
          v.status === "completed" ? h("button", { type: "button", onclick: play }, "Play") : null,
          downloads,
          v.status === "completed" ? h("button", { type: "button", onclick: share }, "Share") : null,
          h("button", { type: "button", class: "danger", onclick: erase }, "Delete"))));
    }
    function play() {
      if (card.video.status !== "completed") return;
      const video = h("video", { controls: true, autoplay: true, playsinline: true, src: card.video.video_url,
        poster: card.video.thumbnail_url, id: "playing" });
      replace(player, video, h("div", { class: "body row" },
        h("strong", {}, card.video.title || "Untitled video"),
        h("button", { type: "button", onclick: () => player.close() }, "Close")));
      player.addEventListener("close", () => video.pause(), { once: true });
      player.showModal();
    }
    async function share() {
      try {
        const url = await post("/v1/video/share", { video_id: card.video.id });
        const link = typeof url === "string" ? url : url?.[0];
        try { await navigator.clipboard.writeText(link); toast("Share link copied"); }
        catch { toast(`Share link: ${link}`); }
        element.querySelector(".share-link")?.remove();
        element.querySelector(".body").append(
          h("a", { class: "share-link", href: link, target: "_blank", rel: "noopener" }, link));
      } catch (error) { toast(`Sharing failed: ${error.message}`); }
    }
    async function erase() {
      if (!confirm(`Delete "${card.video.title || "Untitled video"}"? This cannot be undone.`)) return;
      try {
        await remove(`/v3/videos/${encodeURIComponent(card.video.id)}`);
        cards.delete(card.video.id);
        element.remove();
        empty.hidden = cards.size > 0;
        toast("Deleted");
      } catch (error) { toast(`Delete failed: ${error.message}`); }
    }
    card.update = (video) => { card.video = video; render(); };
    return card;
  }

  let searchTimer;
  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => load(true), 250);
  });
  more.addEventListener("click", () => load(false));
  await load(true);

  // Live progress for unfinished videos.
  const poll = setInterval(async () => {
    for (const card of cards.values()) {
      if (!unfinished.has(card.video.status)) continue;
      try { card.update(await get(`/v3/videos/${encodeURIComponent(card.video.id)}`)); } catch {}
    }
  }, 1500);
  return () => clearInterval(poll);
}
