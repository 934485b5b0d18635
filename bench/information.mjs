// D1 rows read (and the median of a few timings) of information's league
// table, lists, an item's page, an issue and the figures at the seeded
// size (ITEMS, from bench/information-sql.mjs), beside the no-op route.
// Prints figures; asserts nothing.
import { measure, sessions } from "./rows.mjs";

const items = Number(process.env.ITEMS);
const { base, unit, office, today, lastYear } = await sessions("cgz_head");
const year = Number(today.slice(0, 4));

const requests = [
  ["no-op /api/health", ["/api/health"]],
  ["league table: this year", ["/api/information/league", office]],
  [`league table: ${year - 1}`, [`/api/information/league?year=${year - 1}`, office]],
  ["league table CSV", ["/api/information/league.csv", office]],
  ["office: items, newest first", ["/api/information/items", office]],
  ["office: adopted items", ["/api/information/items?state=adopted", office]],
  ["unit: own items, newest first", ["/api/information/items", unit]],
  ["one item's page", ["/api/information/items/XB00000003", office]],
  ["figures: this year", ["/api/information/figures", office]],
  [`figures: ${year - 1}-01-01 to today`, [`/api/information/figures?from=${year - 1}-01-01&to=${today}`, office]],
];

await measure(base, items, requests);
