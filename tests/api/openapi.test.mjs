// The API contract as outsiders read it: /api/openapi.json is a valid
// OpenAPI 3.1 document (checked by an independent validator), every
// operation it lists is routed, and real answers match its schemas.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { BASE_URL, get } from "../support/http.mjs";
import { clientIp, cookieOf, login, staffGet, submitFood, track } from "../support/cases.mjs";

let doc;
let ajv;

before(async () => {
  const res = await fetch(`${BASE_URL}/api/openapi.json`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /application\/json/);
  doc = await res.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "api", components: doc.components });
});

/** Asserts `body` is valid against `components.schemas.<name>`. */
function conforms(body, name) {
  const validate = ajv.getSchema(`api#/components/schemas/${name}`) ?? assert.fail(`no schema ${name}`);
  assert.ok(validate(body), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
}

/** The schema name an operation answers with on success. */
function answerSchema(path, method = "get") {
  const op = doc.paths[path][method];
  const ok = op.responses["200"] ?? op.responses["201"];
  const ref = ok.content["application/json"].schema.$ref ?? assert.fail(`${path} answers inline`);
  return ref.split("/").at(-1);
}

test("the document is valid OpenAPI 3.1", async () => {
  const validator = new Validator({ strict: true });
  const result = await validator.validate(doc);
  assert.equal(validator.version, "3.1");
  assert.ok(result.valid, JSON.stringify(result.errors, null, 1));
  assert.ok(Object.keys(doc.paths).length >= 35, `${Object.keys(doc.paths).length} paths`);
});

test("every documented operation is routed", async () => {
  const unknown = /没有这个接口/;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const url = BASE_URL + path.replace(/\{[^}]+\}/g, "1");
      const res = await fetch(url, {
        method: method.toUpperCase(),
        headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() },
        body: method === "post" ? "{}" : undefined,
      });
      const text = await res.text();
      assert.ok(!unknown.test(text), `${method.toUpperCase()} ${path} is not routed`);
      assert.notEqual(res.status, 405);
      if (res.status >= 400) assert.deepEqual(Object.keys(JSON.parse(text)), ["error"], `${path}: the error shape`);
    }
  }
  const res = await fetch(`${BASE_URL}/api/no-such-thing`);
  assert.equal(res.status, 404);
  assert.match(await res.text(), unknown);
});

test("public answers match their schemas", async () => {
  for (const path of ["/api/departments", "/api/matters"]) {
    conforms((await get(path)).body, answerSchema(path));
  }
  const matters = (await get("/api/matters")).body.matters;
  conforms((await get(`/api/matters/${matters[0].id}`)).body, answerSchema("/api/matters/{id}"));
  conforms((await get("/api/calendar/deadline?accepted=2026-09-30&days=5")).body, answerSchema("/api/calendar/deadline"));
  const { receipt } = await submitFood();
  conforms(receipt, answerSchema("/api/applications", "post"));
  conforms((await track(receipt.case_no, receipt.query_code)).body, answerSchema("/api/track/{case_no}", "post"));
  conforms((await get("/api/matters/999999")).body, "ErrorBody");
});

test("staff answers match their schemas", async () => {
  const cookie = await cookieOf("office_admin");
  for (const path of ["/api/staff/cases", "/api/office/overview", "/api/office/dashboard", "/api/office/meetings",
    "/api/office/documents", "/api/office/statistics", "/api/office/calendar", "/api/office/warnings", "/api/staff/me",
    "/api/admin/security-events"]) {
    const res = await staffGet(cookie, path);
    assert.equal(res.status, 200, path);
    conforms(res.body, answerSchema(path));
  }
});
