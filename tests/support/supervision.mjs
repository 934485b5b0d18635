// Supervision helpers for the API and browser tests: the office registers
// an item and splits it into tasks, units and the office act on tasks, the
// daily job runs, all over HTTP (and local D1 only to set up the past).
import assert from "node:assert/strict";
import { BASE_URL } from "./http.mjs";
import { sqlLocal, staffGet } from "./cases.mjs";
import { post } from "./admin.mjs";
import { cookieOf } from "./hotline.mjs";

/** Units of the demo county: 住建局 (4), 生态环境分局 (9), 城关镇 (12), 河口镇 (13). */
export const UNIT = { housing: 4, environment: 9, chengguan: 12, hekou: 13 };

export function itemForm(overrides = {}) {
  return {
    source: "head_office_meeting",
    reference: `县长办公会议纪要〔2026〕${Date.now() % 1000}号`,
    title: "城区停车难问题整治",
    instruction: "会议决定：由住建局牵头，一个月内拿出整治方案；城关镇负责新增停车泊位。",
    priority: "normal",
    difficult: false,
    leader: "张县长",
    ...overrides,
  };
}

/** A date `days` from today in China, as YYYY-MM-DD. */
export function daysFromToday(days) {
  return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

export function taskForm(version, overrides = {}) {
  return {
    version,
    requirement: "拿出城区停车整治方案",
    lead_unit_id: UNIT.housing,
    assist_unit_ids: [UNIT.chengguan],
    responsible: "吴海峰",
    supervisor: "督查室 周明",
    due: daysFromToday(40),
    milestones: [],
    ...overrides,
  };
}

export async function item(cookie, no) {
  return staffGet(cookie, `/api/supervision/items/${no}`);
}

/** The office registers an item; answers its number and the office's cookie. */
export async function registered(overrides = {}) {
  const office = await cookieOf("office_admin");
  const res = await post(office, "/api/supervision/items", itemForm(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { office, no: res.body.item_no };
}

/** An item with one task per entry of `tasks` (task form overrides). */
export async function withTasks(tasks = [{}], itemOverrides = {}) {
  const { office, no } = await registered(itemOverrides);
  let view = (await item(office, no)).body;
  for (const t of tasks) {
    const res = await post(office, `/api/supervision/items/${no}/tasks`, taskForm(view.version, t));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    view = res.body;
  }
  return { office, no, view };
}

export const act = (cookie, taskNo, version, action) => post(cookie, `/api/supervision/tasks/${taskNo}/action`, { version, ...action });

/** The task `taskNo` as `cookie` sees it in its item. */
export async function task(cookie, itemNo, taskNo) {
  const res = await item(cookie, itemNo);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.tasks.find((t) => t.task_no === taskNo);
}

/** Runs the daily job (wrangler dev --test-scheduled). */
export async function runDailyJob() {
  const res = await fetch(`${BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`);
  assert.equal(res.status, 200);
}

/** Moves a task's deadline (and the job's watch date) to `deadline`. */
export function setDeadline(taskNo, deadline) {
  sqlLocal(`UPDATE supervision_task SET deadline = '${deadline}', watch_date = '${deadline}', limit_days = NULL WHERE task_no = '${taskNo}';`);
}

/** Whether today in China is a working day by the demo calendar (weekday; 2026's holidays listed in DOMAIN). */
export function todayIsWorkingDay() {
  const today = daysFromToday(0);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
