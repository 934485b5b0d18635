// Online submission: validation at the boundary, uploads judged by content,
// idempotent retries, and public tracking that reveals nothing without the code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, assertError, get, passedUntilLimited, postPublic } from "../support/http.mjs";
import {
  JPEG, PDF, casesNamed, clientIp, foodForm, matterByName, requiredFiles, sqlLocalRows, storedObjectKeys, submit, submitFood, track,
} from "../support/cases.mjs";

const MB = 1024 * 1024;

test("a complete application gets a receipt and can be tracked with its code", async () => {
  const { receipt } = await submitFood();
  assert.match(receipt.case_no, /^SP\d{14}$/);
  assert.match(receipt.query_code, /^\d{8}$/);
  assert.equal(receipt.matter_name, "食品经营许可（新办）");
  const res = await track(receipt.case_no, receipt.query_code);
  assert.equal(res.status, 200);
  assert.equal(res.body.state, "submitted");
  assert.equal(res.body.timeline.length, 1);
  assert.equal(res.body.timeline[0].to_state, "submitted");
  assert.equal(res.body.deadline, null);
});

test("a PDF and a PNG are accepted for a material, judged by their bytes", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const files = requiredFiles(matter);
  files.push([files[0][0], "scan.bin", PDF], [files[1][0], "picture", png]);
  const res = await submit(foodForm(matter), files);
  assert.equal(res.status, 201, JSON.stringify(res.body));
});

test("form errors are reported field by field, in Chinese, and store nothing", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const form = foodForm(matter, { id_number: "91350100M000100Y44", mobile: "2380013800", address: " ", fields: {} });
  const res = await submit(form, requiredFiles(matter));
  // The status, the content type and the shape, all as the server sent them.
  assertError(res, 422, "invalid_application");
  const fields = res.body.error.fields.map((f) => f.field);
  assert.deepEqual(fields, ["id_number", "mobile", "address", "fields.business_address", "fields.business_type"]);
  assert.ok(res.body.error.fields.every((f) => /\p{Script=Han}/u.test(f.message)));
  assert.equal(casesNamed(form.name), 0, "no case from a refused form");
});

test("a person's application needs a valid resident identity number", async () => {
  const matter = await matterByName("普通护照签发");
  const form = {
    matter_id: matter.id, applicant_kind: "person", name: "张三", id_number: "110105194912310021",
    mobile: "13900139000", address: "示范县城关镇", fields: {}, consent: true,
  };
  const files = requiredFiles(matter);
  const bad = await submit(form, files);
  assert.equal(bad.status, 422);
  assert.match(bad.body.error.fields[0].message, /校验位/);
  const good = await submit({ ...form, id_number: "11010519491231002X" }, files);
  assert.equal(good.status, 201, JSON.stringify(good.body));
});

test("uploads are refused with a reason a person understands, and nothing is kept", async () => {
  const stored = await storedObjectKeys();
  const matter = await matterByName("食品经营许可（新办）");
  const files = requiredFiles(matter);
  const [first, ...rest] = files;
  const cases = [
    // A text file named like a photo.
    [[[first[0], "photo.jpg", Buffer.from("just text, not an image")], ...rest], /不是JPEG、PNG照片或PDF文件/],
    // Too large: one byte over 10 MB.
    [[[first[0], "big.jpg", Buffer.concat([JPEG, Buffer.alloc(10 * MB + 1 - JPEG.length)])], ...rest], /超过单个文件10MB/],
    // Too much altogether: 5 files of exactly 10 MB besides the required
    // ones (a body still within the request limit, which refuses larger ones
    // before reading them: boundaries.test.mjs).
    [[...files, ...Array.from({ length: 5 }, () => [first[0], "p.jpg", Buffer.concat([JPEG, Buffer.alloc(10 * MB - JPEG.length)])])], /超过50MB/],
    // Too many files.
    [[...files, ...Array.from({ length: 30 }, () => [first[0], "p.jpg", JPEG])], /文件过多/],
    // A required material missing.
    [rest, /缺少必需材料/],
  ];
  for (const [fileSet, message] of cases) {
    const form = foodForm(matter);
    const res = await submit(form, fileSet);
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.code, "invalid_upload");
    assert.match(res.body.error.message, message);
    assert.equal(casesNamed(form.name), 0, `no case from a refused submission (${message})`);
  }
  // Every object stored since belongs to a case that exists: an earlier
  // test's accepted submission may only now show in the local store's
  // index, but a refused one never has a case.
  const added = (await storedObjectKeys()).filter((k) => !stored.includes(k));
  const orphans = added.filter((k) => sqlLocalRows(`SELECT 1 AS found FROM case_record WHERE case_no = '${k.split("/")[1]}'`).length === 0);
  assert.deepEqual(orphans, [], "no file from a refused submission");
});

test("a submission without an Idempotency-Key is refused", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const res = await submit(foodForm(matter), requiredFiles(matter), { key: null });
  assert.equal(res.status, 400);
  assert.match(res.body.error.message, /Idempotency-Key/);
});

test("many parallel retries of one submission create exactly one case", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const form = foodForm(matter);
  const files = requiredFiles(matter);
  const key = randomUUID();
  const results = await Promise.all(Array.from({ length: 12 }, () => submit(form, files, { key })));
  const ok = results.filter((r) => r.status === 200 || r.status === 201);
  assert.ok(ok.length >= 1);
  assert.ok(results.every((r) => [200, 201, 409].includes(r.status)), JSON.stringify(results.map((r) => r.status)));
  assert.equal(results.filter((r) => r.status === 201).length, 1, "one creation");
  assert.equal(new Set(ok.map((r) => r.body.case_no)).size, 1, "every answer names the same case");
  // A later retry still gets the same receipt.
  const again = await submit(form, files, { key });
  assert.equal(again.status, 200);
  assert.equal(again.body.case_no, ok[0].body.case_no);
  assert.equal(again.body.query_code, ok[0].body.query_code);
  assert.equal(casesNamed(form.name), 1, "one case stored");
});

test("the same key with a different body is refused with 422", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const key = randomUUID();
  const first = await submit(foodForm(matter), requiredFiles(matter), { key });
  assert.equal(first.status, 201);
  const other = await submit(foodForm(matter), requiredFiles(matter), { key });
  assert.equal(other.status, 422);
  assert.equal(other.body.error.code, "idempotency_mismatch");
});

test("a wrong code and an unknown case answer alike; look-ups are rate-limited", async () => {
  const { receipt } = await submitFood();
  const ip = clientIp();
  const wrong = await track(receipt.case_no, "00000000", ip);
  const unknown = await track("SP20990101000000", receipt.query_code, ip);
  assert.equal(wrong.status, 404);
  assert.deepEqual(wrong, unknown);
  // One address trying many numbers (each number within its own limit).
  let last;
  const passed = await passedUntilLimited(30, async (i) => (last = await track(`SP209901010${String(i).padStart(5, "0")}`, receipt.query_code, ip)).status);
  assert.ok(passed >= 28 && passed <= 60, `${passed} look-ups let through after the first two`);
  assert.equal(last.body.error.code, "too_many_requests");
  // Another address is not affected.
  assert.equal((await track(receipt.case_no, receipt.query_code)).status, 200);
});

test("one case's code cannot be guessed from many addresses: 20 look-ups a minute per number", async () => {
  const { receipt } = await submitFood();
  const passed = await passedUntilLimited(20, async (i) => (await track(receipt.case_no, String(10000000 + i))).status);
  assert.ok(passed >= 20 && passed <= 40, `${passed} wrong codes let through before the limit`);
});

// What the code encodes is read from the rendered image in the browser
// journey test (tests/browser/journey.test.mjs), the way a phone reads it.
test("the receipt's QR code is served as an SVG image, the code in the body; a malformed number or code is refused", async () => {
  const { receipt } = await submitFood();
  const qr = (no, body) =>
    fetch(`${BASE_URL}/api/track/${no}/qr.svg`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const res = await qr(receipt.case_no, { code: receipt.query_code });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "image/svg+xml");
  assert.equal(res.headers.get("cache-control"), "no-store");
  assert.match(await res.text(), /^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
  for (const code of ["12 34", ""]) {
    assertError(await postPublic(`/api/track/${receipt.case_no}/qr.svg`, { code }, { ip: clientIp() }), 404, "not_found");
  }
  assertError(await get(`/api/track/${receipt.case_no}/qr.svg?code=${receipt.query_code}`), 404, "not_found");
});
