// Open311 GeoReport v2 at /open311/v2/ over HTTP: discovery, services and
// their definitions, POSTed requests entering the hotline's intake, GET
// requests with filters and the pagination extension, one request in JSON
// and XML, the spec's error list, and no caller's name, phone or e-mail in
// any answer (DOMAIN.md §3).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, rowsRead } from "../support/http.mjs";
import { staffGet } from "../support/cases.mjs";
import { post as postJson } from "../support/admin.mjs";
import { cookieOf, ticket } from "../support/hotline.mjs";

/** The demo partner's key (xtask/src/hotline_demo.rs). */
const KEY = "open311-demo-key";
const PHONE = "13987654321";
const EMAIL = "wang.open311@example.cn";
const JSON_TYPE = "application/json; charset=utf-8";
const XML_TYPE = "text/xml; charset=utf-8";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Every answer body read in this file, to look for the caller in at the end. */
const seen = [];

async function o311(path, init = {}) {
  const res = await fetch(`${BASE_URL}/open311/v2/${path}`, init);
  const text = await res.text();
  seen.push(text);
  const json = (res.headers.get("content-type") ?? "").startsWith("application/json");
  return { status: res.status, headers: res.headers, text, body: json ? JSON.parse(text) : text };
}

function form(overrides = {}) {
  return {
    api_key: KEY,
    jurisdiction_id: "example.gov.cn",
    service_code: "noise",
    description: "工地每晚十一点后仍在施工，噪音很大，影响休息，请尽快查处。",
    address_string: "城关镇解放路88号3单元",
    first_name: "小明",
    last_name: "王",
    phone: PHONE,
    email: EMAIL,
    "attribute[kind]": "complaint",
    "attribute[urgency]": "normal",
    ...overrides,
  };
}

function post(fields, { format = "json", headers = {} } = {}) {
  const body = new URLSearchParams(Object.entries(fields).filter(([, v]) => v !== undefined));
  return o311(`requests.${format}`, { method: "POST", body, headers });
}

async function posted(overrides = {}, options = {}) {
  const res = await post(form(overrides), options);
  assert.equal(res.status, 201, res.text);
  return res.body[0];
}

/** The spec's error list, in JSON. */
function assertErrors(res, status, pattern) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get("content-type"), JSON_TYPE);
  assert.ok(Array.isArray(res.body) && res.body.length >= 1, res.text);
  for (const e of res.body) {
    assert.deepEqual(Object.keys(e), ["code", "description"]);
    assert.equal(typeof e.code, "number");
    assert.ok(/\p{Script=Han}/u.test(e.description), `in Chinese: ${e.description}`);
  }
  assert.equal(res.body[0].code, status);
  if (pattern) assert.ok(res.body.some((e) => pattern.test(e.description)), res.text);
}

function assertXmlErrors(res, status) {
  assert.equal(res.status, status, res.text);
  assert.equal(res.headers.get("content-type"), XML_TYPE);
  assert.ok(res.text.startsWith(XML_HEAD), res.text);
  assert.match(res.text, new RegExp(`^<errors><error><code>${status}</code><description>[^<]*\\p{Script=Han}[^<]*</description></error>`, "mu"));
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

test("discovery names the v2 endpoint and both formats", async () => {
  const res = await o311("discovery.json");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), JSON_TYPE);
  assert.ok(res.body.changeset && res.body.contact.includes("县长公开电话") && res.body.key_service);
  const [endpoint] = res.body.endpoints;
  assert.equal(endpoint.specification, "http://wiki.open311.org/GeoReport_v2");
  assert.equal(endpoint.url, `${BASE_URL}/open311/v2`);
  assert.equal(endpoint.type, "production");
  assert.deepEqual(endpoint.formats, ["text/xml", "application/json"]);
  const xml = await o311("discovery.xml");
  assert.equal(xml.headers.get("content-type"), XML_TYPE);
  assert.ok(xml.text.startsWith(`${XML_HEAD}<discovery><changeset>`), xml.text);
  assert.match(xml.text, /<formats><format>text\/xml<\/format><format>application\/json<\/format><\/formats>/);
  assert.equal((await fetch(`${BASE_URL}/open311/discovery.json`)).status, 200, "also at the root");
});

test("services are the active categories, grouped by their class, each with metadata", async () => {
  const res = await o311("services.json");
  assert.equal(res.status, 200);
  assert.ok(res.body.length >= 10, res.text);
  for (const s of res.body) {
    assert.deepEqual(Object.keys(s), ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"]);
    assert.equal(s.metadata, true);
    assert.equal(s.type, "realtime");
  }
  const noise = res.body.find((s) => s.service_code === "noise");
  assert.equal(noise.service_name, "噪音扰民");
  assert.equal(noise.group, "生态环境");
  assert.match(noise.keywords, /噪音扰民, 生态环境/);
  const xml = await o311("services.xml");
  assert.equal(xml.status, 200);
  assert.equal(xml.headers.get("content-type"), XML_TYPE);
  assert.ok(xml.text.startsWith(`${XML_HEAD}<services><service><service_code>`), xml.text);
  assert.match(xml.text, /<service><service_code>noise<\/service_code><service_name>噪音扰民<\/service_name>.*?<metadata>true<\/metadata><type>realtime<\/type>.*?<group>生态环境<\/group><\/service>/s);
  assert.equal((xml.text.match(/<service>/g) ?? []).length, res.body.length);
});

test("a service definition asks the type and urgency as single-value lists", async () => {
  const res = await o311("services/noise.json");
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.service_code, "noise");
  const [kind, urgency] = res.body.attributes;
  for (const a of [kind, urgency]) {
    assert.equal(a.variable, true);
    assert.equal(a.datatype, "singlevaluelist");
    assert.equal(typeof a.datatype_description, "string");
  }
  assert.deepEqual([kind.code, kind.description, kind.required, kind.order], ["kind", "诉求类型", true, 1]);
  assert.deepEqual([urgency.code, urgency.description, urgency.required, urgency.order], ["urgency", "紧急程度", false, 2]);
  assert.deepEqual(kind.values.map((v) => v.key), ["consultation", "help", "complaint", "report", "suggestion"]);
  assert.deepEqual(kind.values.map((v) => v.name), ["咨询", "求助", "投诉", "举报", "建议"]);
  assert.deepEqual(urgency.values, [{ key: "normal", name: "一般" }, { key: "urgent", name: "紧急" }, { key: "critical", name: "特急" }]);
  const xml = await o311("services/noise.xml");
  assert.ok(xml.text.startsWith(`${XML_HEAD}<service_definition><service_code>noise</service_code><attributes><attribute><variable>true</variable><code>kind</code><datatype>singlevaluelist</datatype><required>true</required>`), xml.text);
  assert.match(xml.text, /<values><value><key>normal<\/key><name>一般<\/name><\/value>/);
  assertErrors(await o311("services/no_such_service.json"), 404, /no_such_service/);
  assertXmlErrors(await o311("services/no_such_service.xml"), 404);
});

test("a POST with the partner's key enters the hotline's intake as an Open311 ticket", async () => {
  const res = await post(form());
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get("content-type"), JSON_TYPE);
  assert.equal(res.body.length, 1);
  const [r] = res.body;
  assert.deepEqual(Object.keys(r), ["service_request_id", "service_notice", "account_id"]);
  assert.match(r.service_request_id, /^RX\d{16}$/);
  assert.equal(r.service_notice, "我们将在13个工作日内答复");
  assert.equal(r.account_id, null);

  const office = await cookieOf("office_admin");
  const t = await ticket(office, r.service_request_id);
  assert.equal(t.status, 200, JSON.stringify(t.body));
  assert.equal(t.body.channel, "open311");
  assert.equal(t.body.state, "received");
  assert.equal(t.body.kind, "complaint");
  assert.equal(t.body.urgency, "normal");
  assert.equal(t.body.caller.name, "王小明");
  assert.equal(t.body.caller.phone, PHONE, "the office sees the caller's contact");
  assert.equal(t.body.caller.address, "城关镇解放路88号3单元");
  assert.equal(t.body.course, form().description);
  assert.match(t.body.cause, /^噪音扰民：工地每晚十一点后/);
  assert.match(t.body.occurred, /开放接口/);
  assert.equal(t.body.category_name, "噪音扰民", "filed under the service it was posted for");

  const mine = await o311(`requests/${r.service_request_id}.json`);
  assert.equal(mine.status, 200, mine.text);
  const [shown] = mine.body;
  assert.equal(shown.service_code, "noise");
  assert.equal(shown.service_name, "噪音扰民");
  assert.equal(shown.status, "open");
  assert.equal(shown.description, form().description);
  assert.equal(shown.address, "城关镇解放路****", "the house number is masked");
  assert.match(shown.status_notes, /已受理/);
  assert.equal(shown.service_notice, "我们将在13个工作日内答复");
  assert.match(shown.requested_datetime, TIME);
  assert.match(shown.updated_datetime, TIME);
  assert.equal(shown.expected_datetime, null, "no deadline before dispatch");
  assert.equal(shown.media_url, "");
  assert.ok(!("lat" in shown) && !("long" in shown));

  const urgent = await posted({ "attribute[urgency]": "critical", "attribute[kind]": "help", address_string: undefined, lat: "30.5", long: "114.25" });
  assert.equal(urgent.service_notice, "我们将在2小时内答复");
  const noName = await posted({ first_name: undefined, last_name: undefined, service_code: "water" });
  assert.equal((await ticket(office, noName.service_request_id)).body.caller.name, "开放接口用户");
});

test("a POST answers in XML as well", async () => {
  const res = await post(form({ service_code: "water" }), { format: "xml" });
  assert.equal(res.status, 201, res.text);
  assert.equal(res.headers.get("content-type"), XML_TYPE);
  assert.match(res.text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<service_requests><request><service_request_id>RX\d{16}<\/service_request_id><service_notice>我们将在24小时内答复<\/service_notice><account_id\/><\/request><\/service_requests>\n$/);
  const office = await cookieOf("office_admin");
  const no = res.text.match(/RX\d{16}/)[0];
  assert.equal((await ticket(office, no)).body.caller.name, "王小明");
});

test("a POST without a key or with a wrong one is refused with 403 in the error list", async () => {
  assertErrors(await post(form({ api_key: undefined })), 403, /api_key/);
  assertErrors(await post(form({ api_key: "" })), 403, /api_key/);
  assertErrors(await post(form({ api_key: "not-the-key" })), 403, /api_key/);
  assertXmlErrors(await post(form({ api_key: "not-the-key" }), { format: "xml" }), 403);
});

test("a key the office issues works until it is revoked, and counts its uses", async () => {
  const office = await cookieOf("office_admin");
  const issued = await postJson(office, "/api/hotline/api-keys", { partner: "市12345平台（开放接口测试）" });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  await posted({ api_key: issued.body.key });
  const uses = (await staffGet(office, "/api/hotline/api-keys")).body.items.find((k) => k.id === issued.body.id).uses;
  assert.equal(uses, 1);
  assert.equal((await postJson(office, `/api/hotline/api-keys/${issued.body.id}/revoke`, {})).status, 200);
  assertErrors(await post(form({ api_key: issued.body.key })), 403, /api_key/);
});

test("one partner's key posts at most 60 requests a minute; the 61st is a 429 saying so", async () => {
  const office = await cookieOf("office_admin");
  const issued = await postJson(office, "/api/hotline/api-keys", { partner: "限流测试伙伴（开放接口测试）" });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  // An unknown service is refused after the key is counted: nothing is stored.
  // The limiter counts per minute window: if the run crosses into the next
  // window, that one allows 60 more, so the first 429 comes after at least
  // 60 and at most 120 requests (sent in a second or two).
  const attempt = () => post(form({ api_key: issued.body.key, service_code: "no_such_service" }));
  let allowed = 0;
  let res = await attempt();
  while (res.status !== 429 && allowed < 121) {
    allowed += 1;
    res = await attempt();
  }
  assert.ok(allowed >= 60 && allowed <= 120, `${allowed} requests before the first 429`);
  assertErrors(res, 429, /每个密钥每分钟最多60件/);
  assert.equal((await postJson(office, `/api/hotline/api-keys/${issued.body.id}/revoke`, {})).status, 200);
});

test("bad input is a 400 that says what to fix", async () => {
  assertErrors(await post(form({ service_code: "no_such_service" })), 400, /no_such_service/);
  assertErrors(await post(form({ "attribute[kind]": "rant" })), 400, /attribute\[kind\].*rant/);
  assertErrors(await post(form({ "attribute[urgency]": "asap" })), 400, /attribute\[urgency\]/);
  assertErrors(await post(form({ "attribute[kind]": undefined })), 400, /诉求类型/);
  assertErrors(await post(form({ "attribute[colour]": "red" })), 400, /colour/);
  assertErrors(await post(form({ phone: undefined })), 400, /^请提供 phone/);
  assertErrors(await post(form({ phone: "12345" })), 400, /phone/);
  assertErrors(await post(form({ address_string: undefined })), 400, /address_string/);
  assertErrors(await post(form({ description: "字".repeat(4001) })), 400, /4000/);
  const several = await post(form({ phone: undefined, description: "", "attribute[kind]": "rant" }));
  assertErrors(several, 400);
  assert.equal(several.body.length, 3, "every problem at once");
  const notForm = await o311("requests.json", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(form()) });
  assertErrors(notForm, 400, /x-www-form-urlencoded/);
  assertXmlErrors(await post(form({ phone: undefined }), { format: "xml" }), 400);
});

test("a retry with the same Idempotency-Key gets the same request; other content under it is refused", async () => {
  const key = randomUUID();
  const first = await posted({}, { headers: { "Idempotency-Key": key } });
  const again = await posted({}, { headers: { "Idempotency-Key": key } });
  assert.equal(again.service_request_id, first.service_request_id);
  assertErrors(await post(form({ description: "另一件事：路灯不亮已经一周了。" }), { headers: { "Idempotency-Key": key } }), 400, /Idempotency-Key/);
  const other = await posted({}, { headers: { "Idempotency-Key": randomUUID() } });
  assert.notEqual(other.service_request_id, first.service_request_id);
  assert.notEqual((await posted()).service_request_id, (await posted()).service_request_id, "without a key, each POST is new");
});

test("GET requests filters by status, service and dates, 90 days by default, newest first", async () => {
  const all = await o311("requests.json");
  assert.equal(all.status, 200, all.text);
  assert.ok(all.body.length > 0 && all.body.length <= 50, `default page of 50: ${all.body.length}`);
  const times = all.body.map((r) => r.requested_datetime);
  assert.deepEqual(times, [...times].sort().reverse(), "newest first");
  const ninetyDaysAgo = Date.now() - 90 * 86400e3;
  assert.ok(all.body.every((r) => Date.parse(r.requested_datetime) >= ninetyDaysAgo));
  for (const r of all.body) {
    assert.match(r.requested_datetime, TIME);
    assert.match(r.updated_datetime, TIME);
    if (r.expected_datetime !== null) assert.match(r.expected_datetime, TIME);
    assert.ok(["open", "closed"].includes(r.status));
  }

  const start = "2026-08-03T00:00:00Z";
  const end = "2026-10-31T15:59:59Z";
  const closed = await o311(`requests.json?status=closed&service_code=water,heating&start_date=${start}&end_date=${end}&page_size=100`);
  assert.equal(closed.status, 200, closed.text);
  assert.ok(closed.body.length > 0, "the demo has closed water and heating tickets");
  for (const r of closed.body) {
    assert.equal(r.status, "closed");
    assert.ok(["water", "heating"].includes(r.service_code), r.service_code);
    assert.ok(Date.parse(r.requested_datetime) >= Date.parse(start) && Date.parse(r.requested_datetime) <= Date.parse(end));
    assert.ok(r.updated_datetime >= r.requested_datetime);
  }
  const open = await o311(`requests.json?status=open&start_date=2026-11-01T00:00:00%2B08:00`);
  assert.ok(open.body.length > 0 && open.body.every((r) => r.status === "open"), open.text);
  const dispatched = open.body.find((r) => r.expected_datetime !== null && r.agency_responsible !== null);
  assert.ok(dispatched, "some open tickets are with a unit");
  assert.match(dispatched.service_notice, /^我们将在.+答复（.+前）$/);

  const byIds = await o311(`requests.json?service_request_id=${all.body[1].service_request_id},${all.body[0].service_request_id},RX0000&status=closed`);
  assert.deepEqual(byIds.body.map((r) => r.service_request_id), [all.body[1].service_request_id, all.body[0].service_request_id], "ids override the rest");
});

test("GET requests pages with page and page_size, reading a bounded number of rows", async () => {
  const q = "start_date=2026-09-01T00:00:00%2B08:00&end_date=2026-11-25T00:00:00%2B08:00";
  const first = await o311(`requests.json?${q}&page_size=7`);
  const second = await o311(`requests.json?${q}&page_size=7&page=2`);
  const both = await o311(`requests.json?${q}&page_size=14`);
  assert.equal(first.body.length, 7);
  assert.equal(second.body.length, 7);
  assert.deepEqual([...first.body, ...second.body].map((r) => r.service_request_id), both.body.map((r) => r.service_request_id));
  assert.ok(rowsRead(first) <= 60, `rows read for a page of 7: ${rowsRead(first)}`);
  assert.ok(rowsRead(second) <= 70, `rows read for page 2: ${rowsRead(second)}`);
  const beyond = await o311(`requests.json?${q}&page=400`);
  assert.equal(beyond.status, 400, "past the first 1000 results");
  assertErrors(beyond, 400, /1000/);
  const lastPage = await o311(`requests.json?${q}&page=19&page_size=50`);
  assert.deepEqual(lastPage.body, [], "a page past the end is empty");
  assert.ok(rowsRead(lastPage) <= 1100, `rows read: ${rowsRead(lastPage)}`);
  const one = await o311(`requests/${first.body[0].service_request_id}.json`);
  assert.ok(rowsRead(one) <= 6, `rows read for one request: ${rowsRead(one)}`);
});

test("bad queries are a 400 listing every problem; unknown things are 404", async () => {
  assertErrors(await o311("requests.json?status=pending"), 400, /status/);
  assertErrors(await o311("requests.json?service_code=no_such_service"), 400, /no_such_service/);
  assertErrors(await o311("requests.json?start_date=yesterday"), 400, /start_date/);
  assertErrors(await o311("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z"), 400, /90天/);
  assertErrors(await o311("requests.json?end_date=2026-01-01T00:00:00Z&start_date=2026-02-01T00:00:00Z"), 400, /早于/);
  assertErrors(await o311("requests.json?page=0"), 400, /page/);
  assertErrors(await o311("requests.json?page_size=101"), 400, /page_size/);
  const many = await o311("requests.json?page=x&page_size=0&status=x");
  assertErrors(many, 400);
  assert.equal(many.body.length, 3);
  assertXmlErrors(await o311("requests.xml?status=pending"), 400);
  assertErrors(await o311("requests/RX0000000000000000.json"), 404, /RX0000000000000000/);
  assertXmlErrors(await o311("requests/RX0000000000000000.xml"), 404);
  assertErrors(await o311("tokens/12345.json"), 404, /token/);
  assertErrors(await o311("requests.html"), 404, /\.html/);
  assertErrors(await o311("nothing.json"), 404);
  assertErrors(await o311("services.json", { method: "DELETE" }), 405);
});

test("one request in JSON and XML, escaped, with real offsets", async () => {
  const { service_request_id: no } = await posted({ description: "路边<b>广告牌</b>松动 & 有坠落危险，\"请\"尽快处理'，回电13955556666" });
  const json = await o311(`requests/${no}.json?jurisdiction_id=anything`);
  assert.equal(json.status, 200, json.text);
  assert.equal(json.body.length, 1);
  assert.equal(json.body[0].description, "路边<b>广告牌</b>松动 & 有坠落危险，\"请\"尽快处理'，回电139****6666", "a mobile typed in is masked");
  const xml = await o311(`requests/${no}.xml`);
  assert.equal(xml.status, 200);
  assert.equal(xml.headers.get("content-type"), XML_TYPE);
  assert.ok(xml.text.startsWith(`${XML_HEAD}<service_requests><request><service_request_id>${no}</service_request_id><status>open</status>`), xml.text);
  assert.ok(xml.text.includes("<description>路边&lt;b&gt;广告牌&lt;/b&gt;松动 &amp; 有坠落危险，&quot;请&quot;尽快处理&apos;，回电139****6666</description>"), xml.text);
  assert.match(xml.text, /<requested_datetime>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00<\/requested_datetime>/);
  assert.match(xml.text, /<expected_datetime\/><address>城关镇解放路\*\*\*\*<\/address><media_url><\/media_url><\/request><\/service_requests>\n$/);
});

test("no answer of this file shows a caller's name, phone or e-mail", () => {
  assert.ok(seen.length > 50, `answers read: ${seen.length}`);
  for (const text of seen) {
    for (const secret of [PHONE, EMAIL, "王小明", "小明"]) {
      assert.ok(!text.includes(secret), `${secret} in ${text.slice(0, 200)}`);
    }
    // Demo callers are 王/李/张/刘/陈先生; no mobile number shows unmasked.
    assert.ok(!/[王李张刘陈]先生/.test(text) && !/(?<!\d)1[3-9]\d{9}(?!\d)/.test(text), text.slice(0, 200));
  }
});
