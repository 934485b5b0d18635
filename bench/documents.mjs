// D1 rows read (and the median of a few timings) of document transmission's
// lists, the sender's page, a unit's copy, the chain's check and the
// figures at the seeded size (DOCUMENTS, from bench/documents-sql.mjs),
// beside the no-op route. Prints figures; asserts nothing.
import { measure, sessions } from "./rows.mjs";

const documents = Number(process.env.DOCUMENTS);
const { base, unit, office, today, lastYear } = await sessions();

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
