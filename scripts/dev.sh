#!/usr/bin/env bash
# Sets everything up and runs the app locally on http://127.0.0.1:8787 with
# the demo county's data in local D1 (state under .wrangler/).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
source scripts/lib/env.sh
port="${PORT:-8787}"

echo "== local D1: migrations and demo data"
wrangler d1 migrations apply DB --local
mkdir -p target
cargo xtask demo-sql > target/demo.sql
wrangler d1 execute DB --local --file target/demo.sql >/dev/null

echo "== building the web apps and the Workers"
# Once, before wrangler starts: each Worker's config has its own [build]
# (for `wrangler deploy`), and three builds at once would race on one target
# directory. Run dev.sh again after a change.
bash scripts/build.sh

echo "== serving on http://127.0.0.1:$port (Ctrl-C stops)"
STACK_BUILT=1 exec wrangler dev "${APP_CONFIGS[@]}" -c notifier/wrangler.toml --ip 127.0.0.1 --port "$port" "${LOCAL_VARS[@]}"
