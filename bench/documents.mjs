// D1 rows read (and the median of a few timings) of document transmission's
// lists, the sender's page, a unit's copy, the chain's check and the
// figures at the seeded size (DOCUMENTS, from bench/documents-sql.mjs),
// beside the no-op route. Prints figures; asserts nothing.
import { login } from "../tests/support/cases.mjs";
import { measure } from "./rows.mjs";

const base = process.env.BASE_URL;
const documents = Number(process.env.DOCUMENTS);
const unit = (await login("zj_window")).cookie;
const office = (await login("office_admin")).cookie;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const lastYear = Number(today.slice(0, 4)) - 1;

const requests = [
  ["no-op /api/health", ["/api/health"]],
  ["office: documents, newest first", ["/api/documents", office]],
  ["unit inbox, newest first", ["/api/documents", unit]],
  ["sender's page (one document)", ["/api/documents/FWB0000002", office]],
  ["unit's copy (one document)", ["/api/documents/FWB0000002", unit]],
  ["receipt chain check", ["/api/documents/FWB0000002/verify", office]],
  ["figures: this year", ["/api/documents/figures", office]],
  [`figures: ${lastYear}-01-01 to today`, [`/api/documents/figures?from=${lastYear}-01-01&to=${today}`, office]],
];

await measure(base, documents, requests);
