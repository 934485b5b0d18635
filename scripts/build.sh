#!/usr/bin/env bash
# Builds the web app into frontend/dist and the Worker into backend/build.
# Run by wrangler (wrangler.toml [build]) before `dev` and `deploy`; uses only
# the pinned tools that scripts/setup.sh installs, never a download.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/env.sh

# wasm-opt from npm binaryen 132; these features are what Rust 1.95 emits.
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

build_frontend() {
  local out=frontend/dist
  cargo build --quiet -p frontend --target wasm32-unknown-unknown --release
  rm -rf "$out.tmp" && mkdir -p "$out.tmp/pkg"
  wasm-bindgen target/wasm32-unknown-unknown/release/frontend.wasm \
    --target web --no-typescript --out-dir "$out.tmp/pkg" --out-name app
  wasm-opt -Oz "${wasm_features[@]}" "$out.tmp/pkg/app_bg.wasm" -o "$out.tmp/pkg/app_bg.wasm"
  cp frontend/style.css frontend/_headers "$out.tmp/"
  # Fixed file names (wrangler dev only sees files present at start-up) with a
  # content hash in the query string, so browsers can cache them for a year.
  local version
  version=$(cat "$out.tmp/pkg/app_bg.wasm" "$out.tmp/pkg/app.js" frontend/style.css | sha256sum | cut -c1-12)
  sed "s/__VERSION__/$version/g" frontend/index.html > "$out.tmp/index.html"
  # Replace the contents in place: wrangler dev keeps watching the directory.
  mkdir -p "$out"
  cp -r "$out.tmp/." "$out/"
  rm -rf "$out.tmp"
}

build_worker() {
  # A separate target dir: worker-build compiles with other wasm-bindgen
  # settings, and sharing one dir with the web app would rebuild both each time.
  (cd backend && CARGO_TARGET_DIR="$root/target/worker" \
    WASM_BINDGEN_BIN="$(command -v wasm-bindgen)" \
    ESBUILD_BIN="$root/node_modules/@esbuild/linux-x64/bin/esbuild" \
    WASM_OPT_BIN="$root/node_modules/.bin/wasm-opt" \
    worker-build --release)
}

case "${1:-all}" in
  frontend) build_frontend ;;
  worker) build_worker ;;
  all) build_frontend; build_worker ;;
  *) echo "usage: scripts/build.sh [frontend|worker|all]" >&2; exit 2 ;;
esac
