// Walking a keyset-paged list to its end, as a client would: follow `next`
// until it is absent. Fails if a cursor repeats (a loop) or a page is refused.
import assert from "node:assert/strict";
import { staffGet } from "./cases.mjs";

/** Every record of `path` (a list endpoint) under `key`, and each page's response. */
export async function allPages(cookie, path, key, { limit } = {}) {
  const join = path.includes("?") ? "&" : "?";
  const items = [];
  const pages = [];
  const seen = new Set();
  let after = "";
  for (;;) {
    const query = [limit ? `limit=${limit}` : "", after ? `after=${encodeURIComponent(after)}` : ""].filter(Boolean).join("&");
    const res = await staffGet(cookie, query ? `${path}${join}${query}` : path);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    pages.push(res);
    items.push(...res.body[key]);
    if (!res.body.next) return { items, pages };
    assert.ok(!seen.has(res.body.next), "a cursor never repeats");
    seen.add(res.body.next);
    after = res.body.next;
  }
}
