// A local stand-in for Aliyun Dysms and Tencent Cloud SMS (node:http): it
// checks each request's signature with its own implementation of the
// provider's documented algorithm (not the notifier's Rust code) and
// answers as the provider does. Numbers choose the answer, like the log
// provider's test numbers (shared::notify::test_fault): 170 0000 1xxx is
// refused; 170 0000 Dxxx (D = 2–9) gets a 503 for its first D tries;
// 170 0000 0xxx is taken but its receipt says it did not reach the phone;
// every other number is taken and delivered.
import http from "node:http";
import { createHash, createHmac } from "node:crypto";

const sha256 = (s) => createHash("sha256").update(s).digest("hex");
const hmac = (key, s) => createHmac("sha256", key).update(s).digest();

/** RFC 3986, as Aliyun's V3 signature page specifies. */
const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** ACS3-HMAC-SHA256 of a request; `query` is the raw query string. */
export function aliyunSignature({ secret, method, query, headers, body }) {
  const params = query
    ? query.split("&").map((kv) => kv.split("=").map((x) => rfc3986(decodeURIComponent(x ?? ""))))
    : [];
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const canonicalQuery = params.map(([k, v]) => `${k}=${v ?? ""}`).join("&");
  const names = Object.keys(headers)
    .map((h) => h.toLowerCase())
    .filter((h) => h === "host" || h === "content-type" || h.startsWith("x-acs-"))
    .sort();
  const canonicalHeaders = names.map((h) => `${h}:${String(headers[h]).trim()}\n`).join("");
  const signed = names.join(";");
  const canonical = [method, "/", canonicalQuery, canonicalHeaders, signed, sha256(body)].join("\n");
  return { signed, signature: hmac(secret, `ACS3-HMAC-SHA256\n${sha256(canonical)}`).toString("hex") };
}

/** TC3-HMAC-SHA256 of a POST signing content-type and host. */
export function tencentSignature({ secretKey, service, headers, body }) {
  const timestamp = Number(headers["x-tc-timestamp"]);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const canonical = ["POST", "/", "", `content-type:${headers["content-type"]}\nhost:${headers.host}\n`, "content-type;host", sha256(body)].join("\n");
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ["TC3-HMAC-SHA256", timestamp, scope, sha256(canonical)].join("\n");
  const key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request");
  return { scope, signature: hmac(key, toSign).toString("hex") };
}

const digitOf = (phone) => (/^(?:\+86)?1700000(\d)/.exec(phone) ?? [])[1];

/**
 * Starts the fake provider on `port`. `requests` lists every request with
 * whether its signature held; `sent` the messages taken, by id.
 */
export async function startFakeSms({ provider, port, credentials }) {
  const state = { requests: [], sent: new Map(), tries: new Map(), pulled: new Set(), nextId: 1 };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const url = new URL(req.url, `http://${req.headers.host}`);
      const answer = (status, json) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      const entry = { provider, headers: req.headers, query: Object.fromEntries(url.searchParams), body, signatureOk: false };
      state.requests.push(entry);
      try {
        if (provider === "aliyun") aliyun(req, url, body, entry, answer);
        else tencent(req, body, entry, answer);
      } catch (e) {
        answer(400, { error: String(e) });
      }
    });
  });

  const take = (phone, template, vars) => {
    const d = digitOf(phone);
    const tries = (state.tries.get(phone) ?? 0) + 1;
    state.tries.set(phone, tries);
    if (d === "1") return { refused: true };
    if (d && Number(d) >= 2 && tries <= Number(d)) return { down: true };
    const id = `${provider}-${state.nextId++}`;
    state.sent.set(id, { id, phone, template, vars, delivered: d !== "0" });
    return { id };
  };

  function aliyun(req, url, body, entry, answer) {
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? "");
    const raw = req.url.split("?")[1] ?? "";
    const mine = aliyunSignature({ secret: credentials.ALIYUN_ACCESS_KEY_SECRET, method: req.method, query: raw, headers: req.headers, body });
    entry.signatureOk =
      !!auth && auth[1] === credentials.ALIYUN_ACCESS_KEY_ID && auth[2] === mine.signed && auth[3] === mine.signature &&
      req.headers["x-acs-content-sha256"] === sha256(body) && req.headers["x-acs-version"] === "2017-05-25";
    if (!entry.signatureOk) return answer(400, { Code: "SignatureDoesNotMatch", Message: "Specified signature is not matched with our calculation.", RequestId: "r" });
    const q = entry.query;
    switch (req.headers["x-acs-action"]) {
      case "SendSms": {
        const r = take(q.PhoneNumbers, q.TemplateCode, JSON.parse(q.TemplateParam));
        if (r.refused) return answer(200, { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "非法手机号", RequestId: "r" });
        if (r.down) return answer(503, { Code: "ServiceUnavailable", Message: "The request has failed due to a temporary failure of the server.", RequestId: "r" });
        return answer(200, { Code: "OK", Message: "OK", BizId: r.id, RequestId: "r" });
      }
      case "QuerySendDetails": {
        const m = state.sent.get(q.BizId);
        const dtos = m && m.phone === q.PhoneNumber
          ? [{ PhoneNum: m.phone, SendStatus: m.delivered ? 3 : 2, ErrCode: m.delivered ? "DELIVERED" : "MK:0001", TemplateCode: m.template, OutId: "", ReceiveDate: "2026-11-26 10:00:00", SendDate: "2026-11-26 09:59:58", Content: "" }]
          : [];
        return answer(200, { Code: "OK", Message: "OK", RequestId: "r", TotalCount: dtos.length, SmsSendDetailDTOs: { SmsSendDetailDTO: dtos } });
      }
      default:
        return answer(400, { Code: "InvalidAction.NotFound", Message: "unknown action", RequestId: "r" });
    }
  }

  function tencent(req, body, entry, answer) {
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/([^,]+), SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? "");
    const mine = tencentSignature({ secretKey: credentials.TENCENT_SECRET_KEY, service: "sms", headers: req.headers, body });
    entry.signatureOk =
      !!auth && auth[1] === credentials.TENCENT_SECRET_ID && auth[2] === mine.scope && auth[3] === mine.signature &&
      req.headers["x-tc-version"] === "2021-01-11" && req.headers["content-type"] === "application/json; charset=utf-8";
    if (!entry.signatureOk) return answer(200, { Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "The provided credentials could not be validated." }, RequestId: "r" } });
    const b = JSON.parse(body);
    entry.json = b;
    switch (req.headers["x-tc-action"]) {
      case "SendSms": {
        const phone = b.PhoneNumberSet[0];
        const r = take(phone, b.TemplateId, b.TemplateParamSet);
        if (r.down) return answer(503, { Response: { Error: { Code: "InternalError", Message: "service unavailable" }, RequestId: "r" } });
        const status = r.refused
          ? { SerialNo: "", PhoneNumber: phone, Fee: 0, SessionContext: b.SessionContext, Code: "InvalidParameterValue.IncorrectPhoneNumber", Message: "手机号格式错误", IsoCode: "CN" }
          : { SerialNo: r.id, PhoneNumber: phone, Fee: 1, SessionContext: b.SessionContext, Code: "Ok", Message: "send success", IsoCode: "CN" };
        return answer(200, { Response: { SendStatusSet: [status], RequestId: "r" } });
      }
      case "PullSmsSendStatus": {
        // Each receipt is handed out once, as Tencent's pull does.
        const set = [...state.sent.values()].filter((m) => !state.pulled.has(m.id)).slice(0, b.Limit).map((m) => {
          state.pulled.add(m.id);
          return { UserReceiveTime: "2026-11-26 10:00:00", CountryCode: "86", SubscriberNumber: m.phone.slice(3), PhoneNumber: m.phone, SerialNo: m.id, ReportStatus: m.delivered ? "SUCCESS" : "FAIL", Description: m.delivered ? "DELIVRD" : "MK:0001", SessionContext: "" };
        });
        return answer(200, { Response: { PullSmsSendStatusSet: set, RequestId: "r" } });
      }
      default:
        return answer(200, { Response: { Error: { Code: "InvalidAction", Message: "unknown action" }, RequestId: "r" } });
    }
  }

  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { state, close: () => new Promise((resolve) => server.close(resolve)) };
}
