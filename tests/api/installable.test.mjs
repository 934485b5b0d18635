// The installable app as served: the manifest (with the Center's name from
// the settings), its icons, the service worker with this build's assets,
// and the applicant shells linking the manifest (the staff's do not).
// Its behaviour offline: tests/browser/offline.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG");
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return `${view.getUint32(16)}x${view.getUint32(20)}`;
}

test("the manifest names the Center, starts at the catalogue, standalone, with real icons of the sizes it says", async () => {
  const res = await fetch(BASE_URL + "/manifest.webmanifest");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /^application\/manifest\+json/);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  const manifest = await res.json();
  // The settings as the shells carry them (backend/src/shell.rs).
  const index = await (await fetch(BASE_URL + "/")).text();
  const settings = JSON.parse(index.match(/<script type="application\/json" id="county">(.*?)<\/script>/)[1]);
  assert.equal(manifest.name, settings.centre_name || "政务服务中心");
  assert.match(manifest.name, /\p{Script=Han}/u);
  assert.ok(manifest.short_name.length <= 12, manifest.short_name);
  assert.equal(manifest.lang, "zh-CN");
  assert.equal(manifest.start_url, "/");
  assert.equal(manifest.scope, "/");
  assert.equal(manifest.display, "standalone");
  assert.equal(manifest.theme_color, index.match(/name="theme-color" content="([^"]+)"/)[1]);
  const purposes = new Set();
  for (const icon of manifest.icons) {
    const file = await fetch(BASE_URL + icon.src);
    assert.equal(file.status, 200, icon.src);
    assert.equal(file.headers.get("content-type"), "image/png", icon.src);
    assert.equal(pngSize(new Uint8Array(await file.arrayBuffer())), icon.sizes, icon.src);
    purposes.add(`${icon.sizes} ${icon.purpose}`);
  }
  for (const need of ["192x192 any", "512x512 any", "512x512 maskable"]) assert.ok(purposes.has(need), need);
});

test("the service worker is served as JavaScript, revalidated, and every asset it precaches is there", async () => {
  const res = await fetch(BASE_URL + "/sw.js");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /^(text|application)\/javascript/);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  assert.match(res.headers.get("content-security-policy"), /default-src 'self'/);
  const sw = await res.text();
  assert.doesNotMatch(sw, /__VERSION__|__ASSETS__/, "the build put its version and assets in");
  const assets = [...sw.matchAll(/"(\/(?:pkg\/[\w-]+(?:_bg\.wasm|\.js)|style\.css)\?v=\w+)"/g)].map((m) => m[1]);
  for (const app of ["app", "apply", "track"]) {
    for (const file of [`/pkg/${app}.js`, `/pkg/${app}_bg.wasm`, `/pkg/${app}-start.js`]) {
      assert.ok(assets.some((a) => a.startsWith(file + "?v=")), `${file} is precached`);
    }
  }
  assert.ok(assets.some((a) => a.startsWith("/pkg/pwa.js?v=")));
  assert.ok(!assets.some((a) => a.includes("staff")), "nothing of the staff app");
  for (const asset of assets) {
    assert.equal((await fetch(BASE_URL + asset)).status, 200, asset);
  }
});

test("the applicant shells link the manifest and start the offline notice; the staff's do neither", async () => {
  for (const path of ["/", "/matters/1", "/apply/1", "/track", "/hotline", "/staff/login"]) {
    const html = await (await fetch(BASE_URL + path)).text();
    const staff = path.startsWith("/staff");
    assert.equal(html.includes('<link rel="manifest" href="/manifest.webmanifest">'), !staff, path);
    const start = html.match(/<script type="module" src="([^"]+)">/)[1];
    const script = await (await fetch(BASE_URL + start)).text();
    assert.equal(/import\("\/pkg\/pwa\.js\?v=\w+"\)/.test(script), !staff, `${path}: ${script}`);
  }
});
