// Time of an online submission with a 3 MB photo on the local stack, against
// the no-op route on the same server. Prints figures; asserts nothing.
import { randomUUID } from "node:crypto";
import { JPEG, foodForm, matterByName, submit } from "../tests/support/cases.mjs";

const base = process.env.BASE_URL;
const runs = Number(process.env.RUNS ?? 15);
const photo = Buffer.concat([JPEG, Buffer.alloc(3 * 1024 * 1024 - JPEG.length, 7)]);
const matter = await matterByName("食品经营许可（新办）");
const required = matter.materials.filter((m) => m.required);

const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
  return `min ${s[0].toFixed(1)} ms, median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${s.at(-1).toFixed(1)} ms (n=${s.length})`;
};

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const noop = [];
for (let i = 0; i < runs * 4; i++) noop.push(await time(() => fetch(`${base}/api/health`).then((r) => r.text())));

// One 3 MB photo for the first material, small files for the rest.
const files = required.map((m, i) => [m.id, i === 0 ? "photo.jpg" : "small.jpg", i === 0 ? photo : JPEG]);
const submissions = [];
for (let i = 0; i < runs; i++) {
  submissions.push(await time(async () => {
    const res = await submit(foodForm(matter), files, { key: randomUUID() });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }));
}
console.log(`no-op GET /api/health:                        ${stats(noop)}`);
console.log(`POST /api/applications with a 3 MB photo:     ${stats(submissions)}`);
