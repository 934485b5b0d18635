// The demo office administrators' second factor (RFC 6238: HMAC-SHA1,
// 30-second steps, 6 digits; the secret is xtask's DEMO_TOTP_SECRET). The
// server takes each code once, so a sign-in uses the next step this stack
// has not seen used, and waits for it when the steps around now are used
// up. Test files run one after another in separate processes: the last
// step used is kept beside the stack's D1 (STACK_STATE), which a fresh
// stack starts empty.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const DEMO_TOTP_SECRET = Buffer.from("demo-totp-office-adm");
/** Demo accounts that have a second factor (the office administrators). */
export const HAS_SECOND_FACTOR = new Set(["office_admin"]);
const STEP_MS = 30_000;

/** The code of `secret` for time step `step` (RFC 4226 truncation). */
export function codeAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

export const stepNow = () => Math.floor(Date.now() / STEP_MS);

/** A code for `username` the server has not seen used: this step's or the
 * next (the server takes one step either side), else it waits for one. */
export async function freshCode(username, secret = DEMO_TOTP_SECRET) {
  const state = process.env.STACK_STATE ?? assert.fail("STACK_STATE is not set: run the tests with scripts/test.sh");
  const file = join(state, `totp-step-${username}`);
  const last = existsSync(file) ? Number(readFileSync(file, "utf8")) : 0;
  const step = Math.max(last + 1, stepNow());
  if (step > stepNow() + 1) await sleep((step - 1) * STEP_MS - Date.now() + 50);
  writeFileSync(file, String(step));
  return codeAt(secret, step);
}

/** The bytes of an RFC 4648 base32 secret, as an authenticator reads it. */
export function base32Decode(text) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const bits = [...text.trim()].map((ch) => alphabet.indexOf(ch).toString(2).padStart(5, "0")).join("");
  return Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
}
