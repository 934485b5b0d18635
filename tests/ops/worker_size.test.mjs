// Each Worker the stack runs stays inside the platform's 1 MB gzip budget
// (wasm + its JS glue, as bench/sizes.mjs prints them). Bytes, not time:
// one Worker passed the budget unnoticed once, before the portal and the
// office were split (ARCHITECTURE.md, backend/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { WORKER_BUDGET_GZIP, workerSizes } from "../support/weight.mjs";

test("each Worker (portal, office, notifier) is within 1 MB gzip", () => {
  const sizes = workerSizes();
  assert.deepEqual(sizes.map((w) => w.name), ["portal", "office", "notifier"]);
  for (const { name, gzip } of sizes) {
    assert.ok(gzip <= WORKER_BUDGET_GZIP, `${name}: ${(gzip / 1024).toFixed(1)} KB gzip`);
  }
});
