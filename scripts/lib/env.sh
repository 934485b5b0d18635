# Sourced by every script: the pinned tools first on PATH (npm's Node 22,
# wrangler, wasm-opt; cargo-installed wasm-bindgen and worker-build), and a
# quiet, offline-friendly wrangler. Expects $root to be the repository root.
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

# Worker variables for local stacks only (dev.sh, tests, benchmarks), never
# for a deployment: the rows-read figure on every response, and a query-code
# key that is public because it protects nothing but demo data. A deployment
# sets its own key with `wrangler secret put QUERY_CODE_KEY`.
export LOCAL_QUERY_CODE_KEY="local-development-only-not-a-secret"
LOCAL_VARS=(--var EXPOSE_ROWS_READ:1 --var "QUERY_CODE_KEY:$LOCAL_QUERY_CODE_KEY")
