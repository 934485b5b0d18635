// Backups that are known to restore: the running stack's D1 and R2 are
// exported (scripts/backup.mjs, while the app serves), restored into a fresh
// local state, and a second `wrangler dev` on that state serves the same
// case, the same file bytes, the same tracking answer and the same figures.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportTo, restoreFrom } from "../../scripts/backup.mjs";
import { BASE_URL } from "../support/http.mjs";
import { DEMO_PASSWORD, clientIp } from "../support/cases.mjs";
import { freshCode } from "../support/totp.mjs";
import { newCase, signIn } from "../support/objects.mjs";

const work = mkdtempSync(join(tmpdir(), "backup-test-"));
let server;
after(() => {
  server?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** A port nobody listens on. */
const freePort = () =>
  new Promise((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });

/** `wrangler dev` on `state` (the built Worker, as scripts/lib/stack.sh starts it), once it answers. */
async function serve(state) {
  const port = await freePort();
  const vars = ["--var", "EXPOSE_ROWS_READ:1", "--var", `QUERY_CODE_KEY:${process.env.LOCAL_QUERY_CODE_KEY ?? assert.fail("run with scripts/test.sh")}`];
  const args = ["node_modules/wrangler/bin/wrangler.js", "dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--inspector-port", "0", ...vars];
  server = spawn(process.execPath, args, { env: { ...process.env, STACK_BUILT: "1" }, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    assert.equal(server.exitCode, null, "the restored stack's wrangler dev exited");
    assert.ok(Date.now() < deadline, "the restored stack's wrangler dev did not answer within 120 s");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return base;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** What a server answers to `path` for the office (JSON, or the bytes). */
async function read(base, cookie, path, { bytes = false } = {}) {
  const res = await fetch(base + path, { headers: { Cookie: cookie, "CF-Connecting-IP": clientIp() } });
  assert.equal(res.status, 200, `${base}${path}`);
  return bytes ? Buffer.from(await res.arrayBuffer()) : res.json();
}

async function officeOn(base) {
  const res = await fetch(`${base}/api/staff/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() },
    body: JSON.stringify({ username: "office_admin", password: DEMO_PASSWORD, code: await freshCode("office_admin") }),
  });
  assert.equal(res.status, 200, "sign-in");
  return res.headers.get("set-cookie").split(";")[0];
}

test("an export of the running app's D1 and R2 restores into a fresh state that serves the same cases, files and figures", async () => {
  await signIn("scjg_window");
  const c = await newCase();
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const paths = [`/api/staff/cases/${c.case_no}`, `/api/office/statistics?from=${today.slice(0, 4)}-01-01&to=${today}`, `/api/office/report?to=${today}`];

  const backup = join(work, "backup");
  const exported = await exportTo(backup, process.env.STACK_STATE);
  assert.ok(exported.objects >= c.view.files.length, "every stored file is in the backup");
  const restored = join(work, "state");
  assert.equal((await restoreFrom(backup, restored)).objects, exported.objects);

  const base = await serve(restored);
  const [before, now] = [await officeOn(BASE_URL), await officeOn(base)];
  for (const path of paths) {
    assert.deepEqual(await read(base, now, path), await read(BASE_URL, before, path), path);
  }
  for (const f of c.view.files) {
    const path = `/api/staff/files/${f.id}`;
    const bytes = await read(base, now, path, { bytes: true });
    assert.equal(bytes.length, f.size);
    assert.ok(bytes.equals(await read(BASE_URL, before, path, { bytes: true })), `${f.file_name}: the same bytes`);
  }
  // The applicant's query code still opens the case: the keyed codes came back with it.
  const track = (b) =>
    fetch(`${b}/api/track/${c.case_no}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() },
      body: JSON.stringify({ code: c.query_code }),
    })
      .then(async (r) => [r.status, await r.json()]);
  const [restoredTrack, liveTrack] = [await track(base), await track(BASE_URL)];
  assert.equal(restoredTrack[0], 200);
  assert.deepEqual(restoredTrack, liveTrack);
});
