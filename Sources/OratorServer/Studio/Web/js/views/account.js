import { get } from "../api.js";
import { h, replace } from "../dom.js";

export async function accountView(main) {
  const me = await get("/v3/users/me");
  const seconds = me?.wallet?.remaining_balance ?? 0;
  replace(main, h("h1", {}, "Account"), h("div", { class: "panel stack" },
    h("p", {}, h("strong", {}, "Account: "), me.username ?? ""),
    h("p", { id: "credit" }, h("strong", {}, "Remaining credit: "),
      `${seconds.toLocaleString()} s of video (about ${Math.floor(seconds / 60).toLocaleString()} minutes)`)));
}
