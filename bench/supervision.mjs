// D1 rows read (and the median of a few timings) of supervision's unit
// inbox, the office's lists, an item's page, slips and the dashboard at
// the seeded size (TASKS, from bench/supervision-sql.mjs), beside the
// no-op route. Prints figures; asserts nothing.
import { measure, sessions } from "./rows.mjs";

const tasks = Number(process.env.TASKS);
const { base, unit, office, today, lastYear } = await sessions();

const requests = [
  ["no-op /api/health", ["/api/health"]],
  ["unit inbox: open, by deadline", ["/api/supervision/tasks", unit]],
  ["unit: struck off, latest first", ["/api/supervision/tasks?view=closed", unit]],
  ["office: open tasks", ["/api/supervision/tasks", office]],
  ["office: overdue tasks", ["/api/supervision/tasks?view=overdue", office]],
  ["office: items, newest first", ["/api/supervision/items", office]],
  ["one item's page", ["/api/supervision/items/DB00000002", office]],
  ["slips, newest first", ["/api/supervision/slips", office]],
  ["dashboard: this year", ["/api/supervision/dashboard", office]],
  [`dashboard: ${lastYear}-01-01 to today`, [`/api/supervision/dashboard?from=${lastYear}-01-01&to=${today}`, office]],
];

await measure(base, tasks, requests);
