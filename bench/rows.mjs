// One benchmark table's lines: each request `runs` times, its D1 rows read
// (X-D1-Rows-Read, local stacks only) and median time, at the seeded size.
// Shared by the wings' benchmarks; prints figures, asserts nothing.
import { clientIp, cookieOf, login } from "../tests/support/cases.mjs";

export async function measure(base, size, requests, runs = Number(process.env.RUNS ?? 30)) {
  for (const [name, [path, cookie]] of requests) {
    const times = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const headers = { "CF-Connecting-IP": clientIp(), ...(cookie ? { Cookie: cookie } : {}) };
      const start = performance.now();
      const res = await fetch(base + path, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - start);
      if (!res.ok) throw new Error(`${name}: ${res.status}`);
      rows = Number(res.headers.get("x-d1-rows-read"));
    }
    times.sort((a, b) => a - b);
    console.log(`| ${String(size).padStart(7)} | ${name.padEnd(36)} | ${String(rows).padStart(9)} | ${times[Math.floor(runs / 2)].toFixed(1).padStart(7)} |`);
  }
}

/** What each wing's table starts from: the stack, a unit's (`unitUser`'s)
 * and the office's sessions, today in China Standard Time and last year. */
export async function sessions(unitUser = "zj_window") {
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  return {
    base: process.env.BASE_URL,
    unit: (await login(unitUser)).cookie,
    office: (await cookieOf("office_admin")),
    today,
    lastYear: Number(today.slice(0, 4)) - 1,
  };
}
