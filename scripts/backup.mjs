// Backs up and restores the app's data: the D1 database as SQL (wrangler's
// `d1 export`, loaded back with `d1 execute`) and every object of the R2
// bucket with its metadata (through the R2 binding's own list/get/put, the
// same API the Worker uses, from wrangler's platform proxy).
//
//   node scripts/backup.mjs export  <dir> [--persist-to <state>]
//   node scripts/backup.mjs restore <dir> [--persist-to <state>]
//
// Without --persist-to it works on the local state of `wrangler dev`
// (.wrangler/state). Production has its own tools (README, Operations): D1
// Time Travel and `wrangler d1 export --remote`, and the bucket through R2's
// S3 API. A restore goes into an empty state: it does not merge.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getPlatformProxy, unstable_splitSqlQuery } from "wrangler";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const config = join(root, "wrangler.toml");
const wranglerJs = join(root, "node_modules", "wrangler", "bin", "wrangler.js");
const quiet = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

function wrangler(args, cwd = root) {
  execFileSync(process.execPath, [wranglerJs, ...args], { cwd, env: quiet, stdio: ["ignore", "ignore", "inherit"] });
}

/** The R2 bucket of `state` (the binding FILES), and how to let it go. */
async function bucket(state) {
  // wrangler dev --persist-to X keeps its data under X/v3; the proxy takes that directory.
  const proxy = await getPlatformProxy({ configPath: config, persist: { path: join(state, "v3") } });
  return { files: proxy.env.FILES, dispose: () => proxy.dispose() };
}

/** Object keys become file names: hex, so any key is a safe name. */
const fileOf = (key) => Buffer.from(key, "utf8").toString("hex");

export async function exportTo(dir, state) {
  mkdirSync(join(dir, "r2"), { recursive: true });
  // `d1 export --local` has no --persist-to: it reads .wrangler/state beside
  // its configuration. A copy of the configuration in a directory whose
  // .wrangler/state is `state` points it there, without copying a live database.
  const cwd = mkdtempSync(join(tmpdir(), "backup-"));
  try {
    mkdirSync(join(cwd, ".wrangler"));
    symlinkSync(resolve(state), join(cwd, ".wrangler", "state"));
    copyFileSync(config, join(cwd, "wrangler.toml"));
    wrangler(["d1", "export", "DB", "--local", "--output", resolve(dir, "d1.sql")], cwd);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
  const { files, dispose } = await bucket(state);
  const index = [];
  try {
    let cursor;
    do {
      const page = await files.list({ cursor, include: ["httpMetadata", "customMetadata"] });
      for (const o of page.objects) {
        const body = await files.get(o.key);
        writeFileSync(join(dir, "r2", fileOf(o.key)), Buffer.from(await body.arrayBuffer()));
        index.push({ key: o.key, size: o.size, httpMetadata: o.httpMetadata ?? {}, customMetadata: o.customMetadata ?? {} });
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  } finally {
    await dispose();
  }
  writeFileSync(join(dir, "r2.json"), JSON.stringify(index, null, 1));
  return { objects: index.length };
}

export async function restoreFrom(dir, state) {
  mkdirSync(state, { recursive: true });
  if (readdirSync(state).length > 0) throw new Error(`${state} is not empty: a restore goes into a fresh state`);
  // The export lists each table's rows after its CREATE, tables in the order
  // they were made; D1 checks foreign keys, so a row whose parent table comes
  // later fails ("no such table"). Every table first, then every row, then
  // the indexes and triggers (so no trigger fires on restored rows).
  const statements = unstable_splitSqlQuery(readFileSync(join(dir, "d1.sql"), "utf8"));
  const rank = (q) => (/^PRAGMA/i.test(q) ? 0 : /^CREATE TABLE/i.test(q) ? 1 : /^INSERT/i.test(q) ? 2 : 3);
  const ordered = statements.map((q, i) => [rank(q), i, q]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const file = join(dir, "d1-restore.sql");
  writeFileSync(file, ordered.map(([, , q]) => `${q.trim().replace(/;$/, "")};\n`).join(""));
  wrangler(["d1", "execute", "DB", "--local", "--config", config, "--persist-to", state, "--file", file]);
  const index = JSON.parse(readFileSync(join(dir, "r2.json"), "utf8"));
  const { files, dispose } = await bucket(state);
  try {
    for (const o of index) {
      const bytes = readFileSync(join(dir, "r2", fileOf(o.key)));
      await files.put(o.key, bytes, { httpMetadata: o.httpMetadata, customMetadata: o.customMetadata });
    }
  } finally {
    await dispose();
  }
  return { objects: index.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, dir, flag, value] = process.argv.slice(2);
  const state = flag === "--persist-to" ? value : join(root, ".wrangler", "state");
  if (!dir || !["export", "restore"].includes(command)) {
    console.error("usage: node scripts/backup.mjs export|restore <dir> [--persist-to <state>]");
    process.exit(2);
  }
  const done = command === "export" ? await exportTo(dir, state) : await restoreFrom(dir, state);
  console.log(`${command}: D1 and ${done.objects} R2 objects (${dir})`);
}
