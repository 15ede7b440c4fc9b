import { session, get, APIError } from "./api.js";
import { h, replace, field } from "./dom.js";
import { libraryView } from "./views/library.js";
import { createView } from "./views/create.js";
import { templatesView } from "./views/templates.js";
import { translateView } from "./views/translate.js";
import { webhooksView } from "./views/webhooks.js";
import { accountView } from "./views/account.js";
import { apiView } from "./views/api.js";

const views = {
  library: libraryView, new: createView, templates: templatesView, translate: translateView,
  webhooks: webhooksView, account: accountView, api: apiView,
};

const main = document.getElementById("main");
const nav = document.getElementById("nav");
let leaving = null;

function signInView() {
  nav.hidden = true;
  const key = h("input", { type: "password", autocomplete: "current-password", required: true,
    name: "api-key", id: "api-key" });
  const message = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "panel stack signin", id: "sign-in" },
    h("h1", {}, "Sign in"),
    h("p", { class: "hint" },
      "Use an API key of this server (printed at its first start, or made with ",
      h("code", {}, "orator keys create"), ")."),
    field("API key", key),
    message,
    h("button", { class: "primary", type: "submit" }, "Sign in"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.textContent = "";
    try {
      await get("/v3/users/me", { key: key.value.trim() });
      session.key = key.value.trim();
      if (!location.hash || location.hash === "#/") location.hash = "#/library";
      route();
    } catch (error) {
      message.textContent = error instanceof APIError && error.status === 401
        ? "That key was not accepted." : `Sign-in failed: ${error.message}`;
    }
  });
  replace(main, form);
  key.focus();
}

async function route() {
  if (leaving) { leaving(); leaving = null; }
  if (!session.key) { signInView(); return; }
  nav.hidden = false;
  const [name, ...rest] = (location.hash.replace(/^#\/?/, "") || "library").split("/");
  const view = views[name] ?? libraryView;
  for (const link of nav.querySelectorAll("a")) {
    link.toggleAttribute("aria-current", link.getAttribute("href") === `#/${name}`);
    if (link.getAttribute("href") === `#/${name}`) link.setAttribute("aria-current", "page");
  }
  replace(main, h("p", { class: "hint" }, "Loading…"));
  try {
    leaving = await view(main, rest) ?? null;
  } catch (error) {
    if (error instanceof APIError && error.status === 401) {
      session.key = null;
      signInView();
      return;
    }
    replace(main, h("p", { class: "error", role: "alert" }, `Could not load this page: ${error.message}`));
  }
  main.focus({ preventScroll: true });
}

document.getElementById("sign-out").addEventListener("click", () => {
  session.key = null;
  location.hash = "#/";
  route();
});
window.addEventListener("hashchange", route);
route();
