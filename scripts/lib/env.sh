# Sourced by every script: the pinned tools first on PATH (npm's Node 22,
# wrangler, wasm-opt; cargo-installed wasm-bindgen and worker-build), and a
# quiet, offline-friendly wrangler. Expects $root to be the repository root.
export PATH="$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
