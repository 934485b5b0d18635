// What a stranger can do from outside: equal answers that reveal nothing,
// sign-in throttles nobody else can trip, bounded anonymous writes and
// bodies, file names as data, searches of any reasonable length.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, assertError, get, rowsRead } from "../support/http.mjs";
import {
  JPEG, clientIp, cookieOf, foodForm, login, matterByName, requiredFiles, sqlLocal, sqlLocalRows, staffGet, submit, submitFood,
  track as trackRaw,
} from "../support/cases.mjs";

const MB = 1024 * 1024;


test("a wrong query code and an unknown case answer alike and do the same work", async () => {
  const { receipt } = await submitFood();
  const wrongCode = String((Number(receipt.query_code) + 1) % 1e8).padStart(8, "0");
  const wrong = await trackRaw(receipt.case_no, wrongCode);
  const unknown = await trackRaw(receipt.case_no.replace(/\d{6}$/, "000000"), receipt.query_code);
  const garbage = await trackRaw("SP" + "9".repeat(40), "x");
  for (const res of [wrong, unknown, garbage]) assertError(res, 404, "not_found");
  assert.deepEqual(wrong.body, unknown.body);
  assert.deepEqual(wrong.body, garbage.body);
  assert.equal(rowsRead(wrong), rowsRead(unknown), "the rows read do not tell a wrong code from an unknown case");
  const right = await trackRaw(receipt.case_no, receipt.query_code);
  assert.equal(right.status, 200);
});

test("another department's case answers like a case that does not exist", async () => {
  const { receipt } = await submitFood();
  const police = (await login("ga_window")).cookie;
  const theirs = await staffGet(police, `/api/staff/cases/${receipt.case_no}`);
  const nobodys = await staffGet(police, `/api/staff/cases/SP20200101999999`);
  assertError(theirs, 404, "not_found");
  assert.deepEqual(theirs.body, nobodys.body);
  const act = await fetch(`${BASE_URL}/api/staff/cases/${receipt.case_no}/action`, {
    method: "POST", headers: { "Content-Type": "application/json", Cookie: police },
    body: JSON.stringify({ version: 1, action: "resume" }),
  });
  assert.equal(act.status, 404);
});

async function signIn(username, password, ip) {
  const res = await fetch(`${BASE_URL}/api/staff/login`, {
    method: "POST", headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
    body: JSON.stringify({ username, password }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

test("wrong passwords from anywhere never lock the member out of their own address", async () => {
  // 15 wrong passwords for scjg_window2, each from another address.
  for (let i = 0; i < 15; i++) assert.equal((await signIn("scjg_window2", "wrong", clientIp())).status, 401);
  assert.equal((await signIn("scjg_window2", "Demo@2026", clientIp())).status, 200);
});

test("one address guessing one user's password waits longer after each failure", async () => {
  const ip = clientIp();
  const key = `login:user-ip:scjg_head:${ip}`;
  for (let i = 0; i < 5; i++) assert.equal((await signIn("scjg_head", "wrong", ip)).status, 401, `failure ${i + 1}`);
  assert.equal(sqlLocalRows(`SELECT count FROM throttle WHERE key = '${key}'`)[0].count, 5, "each failure counted");
  // Ten failures just now (as if the guessing went on): the next try from
  // that address waits 2^(10-5) = 32 seconds, far longer than any request takes.
  const seeded = Date.now();
  sqlLocal(`UPDATE throttle SET count = 10, last_at = ${seeded} WHERE key = '${key}'`);
  const held = await signIn("scjg_head", "Demo@2026", ip);
  assertError(held, 429, "too_many_requests");
  // What is left of the 32 seconds, however long this test took to get here.
  const retry = Number(held.headers.get("retry-after"));
  const left = 32 - Math.floor((Date.now() - seeded) / 1000);
  assert.ok(retry >= left && retry <= 32, `says how long to wait: ${retry} (${left} left)`);
  assert.match(held.body.error.message, /秒后再试/);
  // The member signs in from their own address meanwhile.
  assert.equal((await signIn("scjg_head", "Demo@2026", clientIp())).status, 200);
});

test("an address is limited across user names, and oversized names are refused before anything is stored", async () => {
  const ip = clientIp();
  const statuses = [];
  for (let i = 0; i < 51; i++) statuses.push((await signIn(`nobody-${i}`, "x", ip)).status);
  assert.deepEqual(statuses.slice(0, 50), Array(50).fill(401));
  assert.equal(statuses[50], 429);

  const long = "u".repeat(65);
  assertError(await signIn(long, "x", clientIp()), 400, "invalid_parameter");
  const huge = await signIn("x".repeat(3 * MB), "x", clientIp());
  assertError(huge, 413, "payload_too_large");
  const rows = sqlLocalRows(`SELECT count(*) AS n FROM throttle WHERE instr(key, '${long}') > 0 OR instr(key, '${"x".repeat(100)}') > 0`);
  assert.equal(rows[0].n, 0, "no throttle row carries a refused name");
});

test("applications from one address are limited per minute", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const ip = clientIp();
  const statuses = [];
  for (let i = 0; i < 25; i++) {
    statuses.push((await submit(foodForm(matter), requiredFiles(matter), { headers: { "CF-Connecting-IP": ip } })).status);
  }
  const created = statuses.filter((s) => s === 201).length;
  // 10 a minute; a run that straddles a minute boundary may see two windows.
  assert.ok(created >= 10 && created <= 20, `created ${created}: ${statuses.join(",")}`);
  assert.ok(statuses.filter((s) => s === 429).length >= 5);
  assert.ok(statuses.every((s) => s === 201 || s === 429));
});

test("a body over the limit is refused from its declared length", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const big = Buffer.concat([JPEG, Buffer.alloc(51 * MB)]);
  const res = await submit(foodForm(matter), [...requiredFiles(matter), [matter.materials[0].id, "big.jpg", big]], {
    headers: { "CF-Connecting-IP": clientIp() },
  });
  assert.equal(res.status, 413);
  assert.equal(res.body.error.code, "payload_too_large");
  assert.match(res.body.error.message, /字节/);
});

test("file names are kept as data: cleaned of control and direction characters, and capped", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const [first, ...rest] = requiredFiles(matter);
  const name = "营业执照\u202egpj.exe\u0007" + "长".repeat(1_000_000) + ".jpg";
  const res = await submit(foodForm(matter), [[first[0], name, JPEG], ...rest], { headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(res.status, 201, JSON.stringify(res.body).slice(0, 300));
  const { cookie } = await login("scjg_window");
  const view = (await staffGet(cookie, `/api/staff/cases/${res.body.case_no}`)).body;
  const stored = view.files.find((f) => f.material_id === first[0]).file_name;
  assert.ok([...stored].length <= 100, `${[...stored].length} characters`);
  assert.ok(stored.startsWith("营业执照gpj.exe长"), stored.slice(0, 20));
  assert.ok(stored.endsWith(".jpg"));
  assert.doesNotMatch(stored, /[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
});

test("a file for a material the matter does not list is refused by its slot", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const files = [...requiredFiles(matter), [999999, "extra.jpg", JPEG]];
  const res = await submit(foodForm(matter), files, { headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(res.status, 400);
  assert.equal(res.body.error.code, "invalid_upload");
  assert.match(res.body.error.message, /material:999999/);
});

test("a file just over 10 MB says its size so the difference shows", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const [first, ...rest] = requiredFiles(matter);
  const big = Buffer.concat([JPEG, Buffer.alloc(10 * MB + 1024 - JPEG.length)]);
  const res = await submit(foodForm(matter), [[first[0], "big.jpg", big], ...rest], { headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(res.status, 400);
  assert.match(res.body.error.message, /10\.01MB（10486784字节）/);
  assert.match(res.body.error.message, /10MB（10485760字节）的上限/);
});

test("catalogue search answers any reasonable length and refuses past its cap", async () => {
  for (const q of ["食品经营许可新办食品经营许可新办食", "食".repeat(50), "%_\\".repeat(16)]) {
    const res = await get(`/api/matters?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, `${[...q].length} characters: ${JSON.stringify(res.body)}`);
  }
  const hit = await get(`/api/matters?q=${encodeURIComponent("食品经营许可")}`);
  assert.ok(hit.body.matters.some((m) => m.name === "食品经营许可（新办）"));
  assertError(await get(`/api/matters?q=${encodeURIComponent("食".repeat(51))}`), 400, "invalid_parameter");
});

test("query codes are kept only as keyed hashes; a retry still gets its code back", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const key = randomUUID();
  const form = foodForm(matter);
  const first = await submit(form, requiredFiles(matter), { key, headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(first.status, 201);
  const again = await submit(form, requiredFiles(matter), { key, headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(again.status, 200);
  assert.deepEqual(again.body, first.body, "the same receipt and code");
  const { query_code: code, case_no: caseNo } = first.body;
  const [stored] = sqlLocalRows(`SELECT query_code_hash AS h FROM case_record WHERE case_no = '${caseNo}'`);
  const { createHash } = await import("node:crypto");
  assert.notEqual(stored.h, createHash("sha256").update(code).digest("hex"), "not an unkeyed hash of 8 digits");
  assert.ok(!stored.h.includes(code));
  const [receipt] = sqlLocalRows(`SELECT receipt FROM idempotency WHERE key = '${key}'`);
  assert.ok(!receipt.receipt.includes(code), "the stored receipt holds no code");
});

test("a review of a document request reads a handful of rows, whatever the table holds", async () => {
  const dept = (await login("scjg_window")).cookie;
  const office = (await cookieOf("office_admin"));
  const post = async (cookie, path, body) => {
    const res = await fetch(BASE_URL + path, {
      method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  const created = await post(dept, "/api/office/documents", {
    subject: `关于行数测试的通知-${randomUUID().slice(0, 8)}`, proposed_level: "county_office", drafting_departments: [1],
    within_one_department: true, needs_government_authority: false, nature: "work_arrangement", length_chars: 500,
  });
  assert.equal(created.status, 201);
  const [{ n }] = sqlLocalRows("SELECT count(*) AS n FROM document_request");
  const approved = await post(office, `/api/office/documents/${created.body.id}/review`, { version: created.body.version, decision: "approve" });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.ok(rowsRead(approved) < 60, `${rowsRead(approved)} rows read with ${n} requests in the table`);
});

test("a period that has not begun is not compared with a whole past one", async () => {
  const cookie = await cookieOf("office_admin");
  const year = Number(new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 4));
  const d = (await staffGet(cookie, `/api/office/dashboard?year=${year + 1}&from=1&to=12`)).body;
  assert.match(d.not_started, new RegExp(`${year + 1}年1—12月尚未开始`));
  for (const r of [...d.meetings, ...d.documents]) assert.equal(r.change_percent, null, r.key);
  const now = (await staffGet(cookie, `/api/office/dashboard?year=${year}`)).body;
  assert.equal(now.not_started, null);
});
