// The staff apps as built, one per area (shared/src/staff_app.rs), the way
// worker_size.test.mjs holds the Workers: bytes, not time. The core, the
// sign-in's and the inbox's, stays within the first screen's 143 KB brotli
// (issue 14; the one staff app of 2026-11-26 was 845 KB). Its first load in
// a browser, API answers included, is tests/browser/staff_apps.test.mjs's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { STAFF_BUDGET_BROTLI, staffAppSize, staffApps } from "../support/weight.mjs";

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test("the staff core (sign-in, inbox) is within 143 KB brotli, and no area is in it", () => {
  const apps = staffApps();
  const core = apps.find((a) => a.name === "staff");
  assert.ok(core, "frontend/dist/staff.html");
  const { brotli } = staffAppSize(core);
  assert.ok(brotli <= STAFF_BUDGET_BROTLI, `staff: ${kb(brotli)} brotli`);
  assert.deepEqual(core.files.filter((f) => f.endsWith(".wasm")), ["/pkg/staff_bg.wasm"]);
  // Several areas, each its own wasm.
  assert.ok(apps.length >= 9, apps.map((a) => a.name).join(", "));
  for (const app of apps) {
    assert.deepEqual(app.files.filter((f) => f.endsWith(".wasm")), [`/pkg/${app.name}_bg.wasm`], app.name);
  }
});
