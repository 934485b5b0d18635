// Helpers for the application and case tests: build real multipart
// submissions, sign staff in, and act on cases, all over HTTP.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BASE_URL, get } from "./http.mjs";
import { HAS_SECOND_FACTOR, freshCode } from "./totp.mjs";

export const DEMO_PASSWORD = "Demo@2026";

// Smallest files that pass the content check.
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
export const PDF = Buffer.from("%PDF-1.4\n%test\n");

/** A different pseudo client address per caller, so throttles do not mix. */
export function clientIp() {
  return `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
}

export async function matterByName(name) {
  const list = (await get(`/api/matters?q=${encodeURIComponent(name)}`)).body.matters;
  const summary = list.find((m) => m.name === name) ?? assert.fail(`no matter ${name}`);
  return (await get(`/api/matters/${summary.id}`)).body;
}

/** A valid form for the food business licence (食品经营许可（新办）). */
export function foodForm(matter, overrides = {}) {
  return {
    matter_id: matter.id,
    applicant_kind: "organisation",
    name: `示范县好味道餐饮有限公司-${randomUUID().slice(0, 8)}`,
    id_number: "91350100M000100Y43",
    mobile: "13800138000",
    address: "示范县城关镇人民路1号",
    fields: { business_address: "人民路1号", business_type: "餐饮服务" },
    consent: true,
    ...overrides,
  };
}

/** One small file for every required material. */
export function requiredFiles(matter) {
  return matter.materials.filter((m) => m.required).map((m) => [m.id, "photo.jpg", JPEG]);
}

export async function submit(form, files, { key = randomUUID(), headers = {} } = {}) {
  const body = new FormData();
  body.set("form", JSON.stringify(form));
  for (const [materialId, name, bytes, type = "application/octet-stream"] of files) {
    body.append(`material:${materialId}`, new Blob([bytes], { type }), name);
  }
  const res = await fetch(`${BASE_URL}/api/applications`, {
    method: "POST",
    body,
    // Each submission from its own address, as applicants' phones are, so the
    // per-address write limit does not mix unrelated tests.
    headers: { "CF-Connecting-IP": clientIp(), ...(key === null ? {} : { "Idempotency-Key": key }), ...headers },
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function submitFood(overrides = {}) {
  const matter = await matterByName("食品经营许可（新办）");
  const res = await submit(foodForm(matter, overrides), requiredFiles(matter));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { matter, receipt: res.body };
}

/** Tracks a case, the code in the body (never in a URL); the answer with its headers. */
export async function track(caseNo, code, ip = clientIp()) {
  const res = await fetch(`${BASE_URL}/api/track/${caseNo}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ code }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Signs in and returns the session cookie. An account with a second
 * factor sends a fresh code with the demo password, unless `code` is given
 * (`null`: none). */
export async function login(username, password = DEMO_PASSWORD, ip = clientIp(), { code } = {}) {
  if (code === undefined && HAS_SECOND_FACTOR.has(username) && password === DEMO_PASSWORD) code = await freshCode(username);
  const res = await fetch(`${BASE_URL}/api/staff/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify(code == null ? { username, password } : { username, password, code }),
  });
  const body = await res.json();
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  return { status: res.status, body, cookie, setCookie: res.headers.get("set-cookie") };
}

/** Signs in (and must succeed); the session cookie. An account with a
 * second factor (each code signs in once) reuses its live session on this
 * stack, kept beside the stack's D1, rather than wait for a fresh code. */
export async function cookieOf(username) {
  const kept = HAS_SECOND_FACTOR.has(username) ? join(process.env.STACK_STATE ?? ".", `session-${username}`) : null;
  if (kept && existsSync(kept)) {
    const cookie = readFileSync(kept, "utf8");
    const me = await fetch(`${BASE_URL}/api/staff/me`, { headers: { Cookie: cookie } });
    if (me.status === 200) return cookie;
  }
  const res = await login(username);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  if (kept) writeFileSync(kept, res.cookie);
  return res.cookie;
}

export async function staffGet(cookie, path) {
  const res = await fetch(BASE_URL + path, { headers: cookie ? { Cookie: cookie } : {} });
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, headers: res.headers, body: type.includes("json") ? await res.json() : Buffer.from(await res.arrayBuffer()) };
}

export async function dispose(cookie, caseNo, disposition) {
  const res = await fetch(`${BASE_URL}/api/staff/cases/${caseNo}/disposition`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ note: "", ...disposition }),
  });
  return { status: res.status, body: await res.json() };
}

/**
 * Runs SQL on the stack's local D1 (tests use it only to set up the past,
 * e.g. a case accepted weeks ago; the app has no way to backdate).
 */
export function sqlLocal(command) {
  d1Execute(["--command", command]);
}

/**
 * `wrangler d1 execute` on the stack's local D1 with `args`, its output.
 * The running Workers hold the same SQLite file; a statement that meets
 * their write lock (SQLITE_BUSY) is tried again, as any second client of
 * SQLite must, at most five times.
 */
function d1Execute(args) {
  const state = process.env.STACK_STATE ?? assert.fail("STACK_STATE is not set: run the tests with scripts/test.sh");
  const argv = ["node_modules/wrangler/bin/wrangler.js", "d1", "execute", "DB", "--local", "--persist-to", state, ...args];
  for (let attempt = 1; ; attempt++) {
    try {
      return execFileSync(process.execPath, argv, {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      });
    } catch (e) {
      const busy = /SQLITE_BUSY|database is locked/.test(`${e.stdout}${e.stderr}${e.message}`);
      if (!busy || attempt === 5) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200 * attempt);
    }
  }
}

/**
 * Sets up a case's past with `sql` (as [`sqlLocal`]), then rewrites the
 * case's tracking view from its rows, as every write of the app does
 * (migrations/0027_case_tracking.sql).
 */
export function sqlLocalCase(caseNo, sql) {
  sqlLocal(`${sql}; INSERT INTO case_tracking (case_id, view) SELECT case_id, view FROM case_tracking_source WHERE case_no = '${caseNo}'
            ON CONFLICT (case_id) DO UPDATE SET view = excluded.view`);
}

/** Rows of a query on the stack's local D1 (to check what the app cannot show). */
export function sqlLocalRows(query) {
  return JSON.parse(d1Execute(["--json", "--command", query]).toString())[0].results;
}

/**
 * The keys of every object in the stack's local R2 (what the app cannot
 * list), read from wrangler dev's local store (miniflare's object index, one
 * SQLite file per bucket). Deletion there is immediate, unlike the files
 * holding the bytes, which are removed in the background.
 */
export async function storedObjectKeys() {
  const state = process.env.STACK_STATE ?? assert.fail("STACK_STATE is not set: run the tests with scripts/test.sh");
  const dir = join(state, "v3", "r2", "miniflare-R2BucketObject");
  const { DatabaseSync } = await sqlite();
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  } catch (e) {
    if (e.code !== "ENOENT") throw e; // no object stored yet
  }
  return files.flatMap((f) => {
    const db = new DatabaseSync(join(dir, f), { readOnly: true });
    try {
      return db.prepare("SELECT key FROM _mf_objects").all().map((r) => r.key);
    } finally {
      db.close();
    }
  });
}

/** node:sqlite, without its one-time "experimental" warning on stderr. */
async function sqlite() {
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => (/SQLite/.test(String(warning)) ? undefined : emit.call(process, warning, ...rest));
  try {
    return await import("node:sqlite");
  } finally {
    process.emitWarning = emit;
  }
}

/** How many cases the applicant `name` has, all states and departments (what no inbox page can promise to show). */
export function casesNamed(name) {
  return sqlLocalRows(`SELECT count(*) AS n FROM case_record WHERE applicant_name = '${name.replaceAll("'", "''")}'`)[0].n;
}

/** A food-licence application accepted today as a commitment item. */
export async function acceptedCase() {
  const { receipt } = await submitFood();
  const { cookie } = await login("scjg_window");
  const view = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  const res = await dispose(cookie, receipt.case_no, { version: view.version, class: "commitment" });
  assert.equal(res.status, 200);
  return { receipt, cookie, view: res.body };
}

export async function act(cookie, caseNo, body) {
  const res = await fetch(`${BASE_URL}/api/staff/cases/${caseNo}/action`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A valid resident identity number nobody else in this run has (GB 11643 check digit). */
export function freshResidentId() {
  const birth = `19${String(50 + (Date.now() % 40)).padStart(2, "0")}0${1 + (process.pid % 9)}1${Date.now() % 10}`;
  const body = `330100${birth}${String(Date.now() % 1000).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + "10X98765432"[sum % 11];
}
