# Sourced by every script: the pinned tools first on PATH (npm's Node 22,
# wrangler, wasm-opt; cargo-installed wasm-bindgen and worker-build), and a
# quiet, offline-friendly wrangler. Expects $root to be the repository root.
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

# Worker variables for local stacks only (dev.sh, tests, benchmarks), never
# for a deployment, as the office Worker has them in backend/.dev.vars (the
# rows-read figure, and a public query-code key for demo data only).
export LOCAL_QUERY_CODE_KEY="$(sed -n 's/^QUERY_CODE_KEY=//p' "$root/backend/.dev.vars")"
LOCAL_VARS=(--var EXPOSE_ROWS_READ:1 --var "QUERY_CODE_KEY:$LOCAL_QUERY_CODE_KEY")

# The portal (first: its port is the app's) and the office Worker it passes
# the office's lines of work to, for one local `wrangler dev` (dev.sh and the
# stacks), which adds the notifier's config.
APP_CONFIGS=(-c wrangler.toml -c backend/wrangler.office.toml)
