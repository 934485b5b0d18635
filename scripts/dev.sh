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

echo "== serving on http://127.0.0.1:$port (Ctrl-C stops)"
# The app and the notifier Worker (the NOTIFY queue's consumer) together.
exec wrangler dev -c wrangler.toml -c notifier/wrangler.toml --ip 127.0.0.1 --port "$port" "${LOCAL_VARS[@]}"
