// Every response carries the security headers, set in one place
// (frontend/_headers, applied by the platform to assets and by the Worker
// to everything else): every page, every operation of the OpenAPI
// document (answered or refused), the static files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { PDF, foodForm, login, matterByName, staffGet, submit } from "../support/cases.mjs";

const PAGES = ["/", "/matters/1", "/apply/1", "/track", "/staff", "/staff/login", "/staff/admin/settings", "/no/such/page"];

function checkHeaders(where, res) {
  const h = (name) => res.headers.get(name) ?? "";
  const csp = h("content-security-policy");
  for (const part of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) {
    assert.ok(csp.includes(part), `${where}: CSP has ${part} (${csp})`);
  }
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, `${where}: no unsafe script sources`);
  assert.equal(h("x-content-type-options"), "nosniff", where);
  assert.equal(h("referrer-policy"), "no-referrer", where);
  assert.match(h("permissions-policy"), /camera=\(/, where);
  assert.match(h("strict-transport-security"), /max-age=31536000/, `${where}: browsers keep to HTTPS for a year`);
}

test("every page has the headers; only the application form may use the camera; no inline script", async () => {
  for (const path of PAGES) {
    const res = await fetch(BASE_URL + path);
    assert.equal(res.status, 200, path);
    checkHeaders(path, res);
    const camera = res.headers.get("permissions-policy").match(/camera=\(([^)]*)\)/)[1];
    assert.equal(camera, path.startsWith("/apply/") ? "self" : "", `${path}: camera`);
    const html = await res.text();
    // Scripts come from files; the only inline <script> is the settings' JSON data block.
    for (const tag of html.match(/<script[^>]*>/g) ?? []) {
      assert.ok(/\ssrc=/.test(tag) || /type="application\/json"/.test(tag), `${path}: inline script ${tag}`);
    }
  }
});

test("every API operation answers with the headers, whatever its status", async () => {
  const doc = await (await fetch(`${BASE_URL}/api/openapi.json`)).json();
  let checked = 0;
  for (const [template, ops] of Object.entries(doc.paths)) {
    const path = template.replace(/\{[^}]+\}/g, "1");
    for (const method of Object.keys(ops)) {
      const init = method === "post"
        ? { method: "POST", headers: { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.7" }, body: "{}" }
        : { headers: { "CF-Connecting-IP": "198.51.100.7" } };
      const res = await fetch(BASE_URL + path, init);
      await res.arrayBuffer();
      checkHeaders(`${method.toUpperCase()} ${path} (${res.status})`, res);
      checked++;
    }
  }
  assert.ok(checked >= 60, `checked ${checked} operations`);
  // An unknown route too.
  checkHeaders("unknown API route", await fetch(`${BASE_URL}/api/no/such/route`));
});

test("the static files have the headers too", async () => {
  // The catalogue's shell (a first screen: its app is fetched by the start
  // script, not preloaded) and the staff's (preloads, its own style sheet).
  const files = new Set();
  for (const page of ["/", "/staff/login"]) {
    const html = await (await fetch(BASE_URL + page)).text();
    for (const m of html.matchAll(/(?:src|href)="(\/(?:pkg|style|staff)[^"]*\.(?:js|wasm|css)[^"]*)"/g)) files.add(m[1]);
  }
  assert.ok(files.size >= 6, [...files].join(" "));
  for (const file of files) {
    const res = await fetch(BASE_URL + file);
    assert.equal(res.status, 200, file);
    checkHeaders(file, res);
  }
});

test("an uploaded PDF is downloaded, never shown on the app's origin", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const files = matter.materials.filter((m) => m.required).map((m) => [m.id, "scan.pdf", PDF]);
  const receipt = (await submit(foodForm(matter), files)).body;
  const { cookie } = await login("scjg_window");
  const view = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  const file = await staffGet(cookie, `/api/staff/files/${view.files[0].id}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "application/pdf");
  assert.match(file.headers.get("content-disposition"), /^attachment; filename=/);
  assert.match(file.headers.get("content-security-policy"), /^sandbox; default-src 'none'/);
});
