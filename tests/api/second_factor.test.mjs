// The staff second factor (two-step verification, ASVS 6.3.3, 6.5): TOTP
// codes that sign in once, recovery codes, re-authentication for every
// change, required for office administrators, cleared by a reset, logged.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { assertError } from "../support/http.mjs";
import { DEMO_PASSWORD, clientIp, login, sqlLocalRows } from "../support/cases.mjs";
import { call, made, need, newAccount, signIn, unique } from "../support/objects.mjs";
import { base32Decode, codeAt, freshCode, stepNow } from "../support/totp.mjs";

const NEW_PASSWORD = "Quiet-harbour-lantern-42";

after(async () => {
  for (const username of made.accounts) {
    const office = await signIn("office_admin");
    const list = await need(call(office, "GET", "/api/admin/accounts"), 200, "accounts");
    const a = list.accounts.find((x) => x.username === username);
    if (a?.active) await call(office, "POST", `/api/admin/accounts/${a.id}`, { json: { name: a.name, role: a.role, department_id: a.department_id, active: false, version: a.version } });
  }
});

const res = (r) => ({ status: r.status, headers: new Headers({ "content-type": "application/json" }), body: r.body });

/** A made account that chose its own password; its session. */
async function ownAccount(role = "window_staff", department = 1) {
  await signIn("office_admin");
  const account = await newAccount(role, role === "office_admin" ? null : department);
  const first = await login(account.username, account.password);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const changed = await call(first.cookie, "POST", "/api/staff/password", { json: { current: account.password, new: NEW_PASSWORD } });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  const again = await login(account.username, NEW_PASSWORD);
  return { ...account, cookie: again.cookie, user: again.body };
}

/** Sets up the second factor from `cookie`'s session: (secret bytes, recovery codes). */
async function setUp(cookie) {
  const setup = await need(call(cookie, "POST", "/api/staff/second-factor/setup"), 200, "setup");
  assert.match(setup.uri, /^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&issuer=.+&algorithm=SHA1&digits=6&period=30$/);
  assert.match(setup.qr_svg, /^<\?xml|<svg/);
  const secret = base32Decode(setup.secret);
  assert.equal(secret.length, 20);
  const wrong = await call(cookie, "POST", "/api/staff/second-factor/confirm", { json: { password: NEW_PASSWORD, code: "000000" === codeAt(secret, stepNow()) ? "111111" : "000000" } });
  assertError(res(wrong), 400, "invalid_parameter");
  const badPassword = await call(cookie, "POST", "/api/staff/second-factor/confirm", { json: { password: "not-the-password", code: codeAt(secret, stepNow()) } });
  assertError(res(badPassword), 400, "invalid_parameter");
  const confirmed = await need(call(cookie, "POST", "/api/staff/second-factor/confirm", { json: { password: NEW_PASSWORD, code: codeAt(secret, stepNow()) } }), 200, "confirm");
  assert.equal(confirmed.codes.length, 10);
  for (const c of confirmed.codes) assert.match(c, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  return { secret, codes: confirmed.codes, step: stepNow() };
}

test("an office administrator's sign-in asks for the code after the password, takes each code once, and refuses a wrong one", async () => {
  const ip = clientIp();
  const noCode = await login("office_admin", DEMO_PASSWORD, ip, { code: null });
  assertError(res({ status: noCode.status, body: noCode.body }), 401, "second_factor_required");
  assert.equal(noCode.cookie, "", "no session without the code");
  const wrongPassword = await login("office_admin", "Wrong-password-1", clientIp(), { code: null });
  assertError(res({ status: wrongPassword.status, body: wrongPassword.body }), 401, "unauthenticated");
  assert.notEqual(wrongPassword.body.error.code, "second_factor_required", "a wrong password never reveals that a code comes next");

  const code = await freshCode("office_admin");
  const wrong = await login("office_admin", DEMO_PASSWORD, clientIp(), { code: code === "123456" ? "654321" : "123456" });
  assertError(res({ status: wrong.status, body: wrong.body }), 401, "unauthenticated");
  const ok = await login("office_admin", DEMO_PASSWORD, clientIp(), { code });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.must_set_up_second_factor, false);
  const replay = await login("office_admin", DEMO_PASSWORD, clientIp(), { code });
  assertError(res({ status: replay.status, body: replay.body }), 401, "unauthenticated");
  assert.equal(replay.cookie, "");
});

test("a member sets the factor up by scanning and confirming a code; sign-in then needs a code or a recovery code, each once", async () => {
  const a = await ownAccount();
  const status = await need(call(a.cookie, "GET", "/api/staff/second-factor"), 200, "status");
  assert.deepEqual(status, { enabled: false, required: false, recovery_codes_left: 0 });
  const { secret, codes, step } = await setUp(a.cookie);
  assert.deepEqual(await need(call(a.cookie, "GET", "/api/staff/second-factor"), 200, "status"), { enabled: true, required: false, recovery_codes_left: 10 });
  const noCode = await login(a.username, NEW_PASSWORD);
  assertError(res({ status: noCode.status, body: noCode.body }), 401, "second_factor_required");

  const recovery = codes[3].toLowerCase().replace("-", " ");
  const byRecovery = await login(a.username, NEW_PASSWORD, clientIp(), { code: recovery });
  assert.equal(byRecovery.status, 200, "a recovery code, however typed, signs in");
  const again = await login(a.username, NEW_PASSWORD, clientIp(), { code: codes[3] });
  assertError(res({ status: again.status, body: again.body }), 401, "unauthenticated");
  assert.equal((await need(call(byRecovery.cookie, "GET", "/api/staff/second-factor"), 200, "status")).recovery_codes_left, 9);

  // New codes (with the step after the confirming one): the old ones are void.
  const renew = { password: NEW_PASSWORD, code: codeAt(secret, step + 1) };
  const renewed = await need(call(byRecovery.cookie, "POST", "/api/staff/second-factor/recovery-codes", { json: renew }), 200, "renew");
  const reused = await call(byRecovery.cookie, "POST", "/api/staff/second-factor/recovery-codes", { json: renew });
  assertError(res(reused), 400, "invalid_parameter");
  assert.equal((await login(a.username, NEW_PASSWORD, clientIp(), { code: codes[5] })).status, 401, "an old recovery code is void");
  assert.equal((await login(a.username, NEW_PASSWORD, clientIp(), { code: renewed.codes[0] })).status, 200, "a new one signs in");
});

test("binding a new phone needs a code of the old one too: a password and a session alone do not replace the factor", async () => {
  const a = await ownAccount();
  const { secret, step } = await setUp(a.cookie);
  const setup = await need(call(a.cookie, "POST", "/api/staff/second-factor/setup"), 200, "setup again");
  const fresh = base32Decode(setup.secret);
  const without = await call(a.cookie, "POST", "/api/staff/second-factor/confirm", { json: { password: NEW_PASSWORD, code: codeAt(fresh, step + 1) } });
  assertError(res(without), 400, "invalid_parameter");
  assert.equal(without.body.error.fields[0].field, "current_code");
  const replaced = await call(a.cookie, "POST", "/api/staff/second-factor/confirm", {
    json: { password: NEW_PASSWORD, code: codeAt(fresh, step + 1), current_code: codeAt(secret, step + 1) },
  });
  assert.equal(replaced.status, 200, JSON.stringify(replaced.body));
  const [row] = sqlLocalRows(`SELECT totp_secret FROM staff WHERE username = '${a.username}'`);
  assert.equal(row.totp_secret, fresh.toString("hex"), "the new phone's secret is the one in force");
});

test("turning the factor off asks for the password and a code; an office administrator cannot turn it off", async () => {
  const a = await ownAccount();
  const { secret, step } = await setUp(a.cookie);
  const missing = await call(a.cookie, "POST", "/api/staff/second-factor/off", { json: { password: NEW_PASSWORD, code: "" } });
  assertError(res(missing), 400, "invalid_parameter");
  const off = await call(a.cookie, "POST", "/api/staff/second-factor/off", { json: { password: NEW_PASSWORD, code: codeAt(secret, step + 1) } });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal((await login(a.username, NEW_PASSWORD, clientIp(), { code: null })).status, 200, "the password alone signs in again");

  const office = await signIn("office_admin");
  const refused = await call(office, "POST", "/api/staff/second-factor/off", { json: { password: DEMO_PASSWORD, code: await freshCode("office_admin") } });
  assertError(res(refused), 403, "forbidden");
});

test("a new office administrator must set the factor up before anything else; a reset clears it, and the log has every change", async () => {
  const a = await ownAccount("office_admin");
  assert.equal(a.user.must_set_up_second_factor, true);
  const refused = await call(a.cookie, "GET", "/api/admin/accounts");
  assertError(res(refused), 403, "second_factor_setup_required");
  const me = await need(call(a.cookie, "GET", "/api/staff/me"), 200, "me");
  assert.equal(me.must_set_up_second_factor, true);
  const { secret, step } = await setUp(a.cookie);
  assert.equal((await call(a.cookie, "GET", "/api/admin/accounts")).status, 200, "in once it is set up");
  const signedIn = await login(a.username, NEW_PASSWORD, clientIp(), { code: codeAt(secret, step + 1) });
  assert.equal(signedIn.status, 200);

  // The office resets the password (a lost phone): the factor goes too.
  const office = await signIn("office_admin");
  const list = await need(call(office, "GET", "/api/admin/accounts"), 200, "accounts");
  const account = list.accounts.find((x) => x.username === a.username);
  const reset = await need(call(office, "POST", `/api/admin/accounts/${account.id}/password-reset`, { json: { version: account.version } }), 200, "reset");
  const after = await login(a.username, reset.password, clientIp(), { code: null });
  assert.equal(after.status, 200, "the one-time password alone signs in");
  assert.equal(after.body.must_change_password, true);

  const events = await need(call(office, "GET", `/api/admin/security-events?kind=second_factor_changed&user=${a.username}`), 200, "events");
  assert.ok(events.events.some((e) => e.outcome === "success" && /开启两步验证/.test(e.detail)), JSON.stringify(events.events));
});

test("ten wrong codes for one account from any addresses stop its codes for the window", async () => {
  const a = await ownAccount();
  const { secret } = await setUp(a.cookie);
  const right = codeAt(secret, stepNow() + 1);
  const wrongCode = right === "000000" ? "000001" : "000000";
  // setUp typed one wrong code already: nine more make ten.
  for (let i = 0; i < 9; i++) {
    const r = await login(a.username, NEW_PASSWORD, `10.${unique() % 250}.${i}.9`, { code: wrongCode });
    assert.equal(r.status, 401, `attempt ${i + 1}`);
  }
  const limited = await login(a.username, NEW_PASSWORD, clientIp(), { code: right });
  assertError(res({ status: limited.status, body: limited.body }), 429, "too_many_requests");
});
