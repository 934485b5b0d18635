#!/usr/bin/env bash
# Builds the web apps into frontend/dist and the Workers into backend/build
# (the portal), backend/build-office (the office) and notifier/build.
# Run by wrangler (wrangler.toml [build]) before `dev` and `deploy`; uses only
# the pinned tools that scripts/setup.sh installs, never a download.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/env.sh
# Honour a shared target directory (e.g. one per worktree), else ./target.
target="${CARGO_TARGET_DIR:-$root/target}"

# wasm-opt from npm binaryen 132; these features are what Rust 1.95 emits.
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

# Twice: the second pass still finds work (measured on the form page:
# 540 bytes raw, 1.6 KB brotli, 2026-11-26).
optimise() {
  wasm-opt -Oz "${wasm_features[@]}" "$1" -o "$1"
  wasm-opt -Oz "${wasm_features[@]}" --strip-debug --strip-producers "$1" -o "$1"
}

# One web app: "app" (catalogue, index.html), "apply" (the form, apply.html),
# "track" (tracking, track.html) or a staff app ("staff", the sign-in and
# the inbox, staff.html; "staff-<area>", staff-<area>.html).
bundle() {
  local name="$1" page="$2" title="$3" out="$4" extra_css="" pwa_link="" pwa_start=""
  wasm-bindgen "$target/wasm32-unknown-unknown/release/$name.wasm" \
    --target web --no-typescript --out-dir "$out/pkg" --out-name "$name"
  optimise "$out/pkg/${name}_bg.wasm"
  # wasm-bindgen's glue, minified: 1.6 KB brotli less on every page (the
  # catalogue's: 6.8 → 5.2 KB, 2026-11-26), which pays for the offline
  # notice (publish_pwa_script) within the 150 KB budget.
  "$root/node_modules/@esbuild/linux-x64/bin/esbuild" "$out/pkg/$name.js" --minify --log-level=warning --allow-overwrite --outfile="$out/pkg/$name.js"
  # Fixed file names (wrangler dev only sees files present at start-up) with a
  # content hash in the query string, so browsers can cache them for a year.
  local version
  # (pwa.js is in it: the applicant start scripts name its version; and the
  # start scripts' own parts. The style sheets have versions of their own.)
  version=$(cat "$out/pkg/${name}_bg.wasm" "$out/pkg/$name.js" "$out/pkg/pwa.js" frontend/start.js frontend/track-start.js | sha256sum | cut -c1-12)
  # The desktop-only styles go to the staff apps alone.
  if [[ "$name" == staff* ]]; then
    extra_css="\n  <link rel=\"stylesheet\" href=\"/staff.css?v=$staff_css_version\">"
  fi
  if [[ " app apply track " == *" $name "* ]]; then
    # The applicant apps are one installable app (publish_pwa): the
    # manifest, and the offline notice and service worker's registration
    # started once the wasm has (no bytes in the wasm, none before it).
    pwa_link="\n  <link rel=\"manifest\" href=\"/manifest.webmanifest\">"
    pwa_start=".finally(() => import(\"/pkg/pwa.js?v=$pwa_version\"))"
    pwa_assets+=("/pkg/$name.js?v=$version" "/pkg/${name}_bg.wasm?v=$version" "/pkg/$name-start.js?v=$version")
  fi
  sed -e "s/__VERSION__/$version/g" -e "s/__STYLE_VERSION__/$style_version/" -e "s/__APP__/$name/g" -e "s/__TITLE__/$title/g" -e "s|__STAFF_CSS__|$extra_css|" \
    -e "s|__MANIFEST__|$pwa_link|" frontend/index.html > "$out/$page"
  # The app's start (frontend/start.js), then how it starts; minified, as
  # it is on every page's critical path.
  {
    sed -e "s|__APP_JS__|/pkg/$name.js?v=$version|" -e "s|__APP_WASM__|/pkg/${name}_bg.wasm?v=$version|" \
      -e "s|__PWA_START__|$pwa_start|" frontend/start.js
    if [[ "$name" == track ]]; then
      cat frontend/track-start.js
    else
      printf '%s\n' 'if (document.getElementById("first-screen")) later(); else start();'
    fi
  } | "$root/node_modules/@esbuild/linux-x64/bin/esbuild" --minify --charset=utf8 --log-level=warning > "$out/pkg/$name-start.js"
}

# The installable app (frontend/pwa/, ARCHITECTURE.md "Offline"): pwa.js
# (the notice and the registration) minified before the bundles, which name
# its version; after them the service worker, with this build's applicant
# assets to precache and a version of its own, so that a new build's worker
# replaces the old one and its caches; the manifest (its name put in by the
# Worker, backend/src/shell/manifest.rs) and the icons (scripts/icons.mjs).
pwa_assets=()
pwa_version=""
# The style sheets' versions: each page names the same URL, so a phone
# fetches (and the service worker keeps) one copy whichever page it opens.
style_version=$(sha256sum frontend/style.css | cut -c1-12)
staff_css_version=$(sha256sum frontend/staff.css | cut -c1-12)
publish_pwa_script() {
  # --bundle shortens its top-level names (a module's, without it, stay);
  # UTF-8, not \u escapes, for its Chinese: half the bytes.
  "$root/node_modules/@esbuild/linux-x64/bin/esbuild" frontend/pwa/pwa.js --bundle --format=esm --minify --charset=utf8 --log-level=warning --outfile="$1/pkg/pwa.js"
  pwa_version=$(sha256sum "$1/pkg/pwa.js" | cut -c1-12)
  pwa_assets=("/pkg/pwa.js?v=$pwa_version" "/style.css?v=$style_version")
}
publish_pwa() {
  local list version
  list=$(printf '"%s",' "${pwa_assets[@]}")
  version=$(printf '%s' "$list" | cat - frontend/pwa/sw.js | sha256sum | cut -c1-12)
  sed -e "s|__VERSION__|$version|" -e "s|__ASSETS__|[${list%,}]|" frontend/pwa/sw.js \
    | "$root/node_modules/@esbuild/linux-x64/bin/esbuild" --minify --charset=utf8 --log-level=warning > "$1/sw.js"
  cp frontend/pwa/manifest.webmanifest "$1/"
  cp -r frontend/icons "$1/"
}

# The API's OpenAPI document is a static asset, which the Worker passes on
# at /api/openapi.json (router.rs): inside the Worker it was 67 KB of its
# 1 MB gzip budget (measured 2026-11-26).
publish_openapi() {
  mkdir -p "$1/api"
  cp backend/openapi.json "$1/api/openapi.json"
}

build_frontend() {
  local out=frontend/dist
  cargo build --quiet -p frontend -p staff --target wasm32-unknown-unknown --release --bins
  rm -rf "$out.tmp" && mkdir -p "$out.tmp/pkg"
  publish_pwa_script "$out.tmp"
  # The Worker adds the Center's name (from the settings) to each title.
  bundle app index.html "办事指南" "$out.tmp"
  bundle apply apply.html "在线申请" "$out.tmp"
  bundle track track.html "办件查询" "$out.tmp"
  # The staff apps, one per area (frontend/staff/src/bin; which URLs are
  # whose: shared/src/staff_app.rs), so the sign-in loads no area's code.
  local bin
  for bin in frontend/staff/src/bin/*.rs; do
    bin=$(basename "$bin" .rs)
    bundle "$bin" "$bin.html" "窗口办理" "$out.tmp"
  done
  publish_pwa "$out.tmp"
  # The style sheets minified (comments and spaces are bytes every phone
  # downloads), by the esbuild that builds the Worker.
  for css in style staff; do
    "$root/node_modules/@esbuild/linux-x64/bin/esbuild" "frontend/$css.css" --minify --log-level=warning --outfile="$out.tmp/$css.css"
  done
  cp frontend/_headers "$out.tmp/"
  publish_openapi "$out.tmp"
  # Replace the contents in place: wrangler dev keeps watching the directory.
  mkdir -p "$out"
  cp -r "$out.tmp/." "$out/"
  rm -rf "$out.tmp"
}

# The bare Leptos app that `scripts/bench.sh lighthouse` compares the
# applicant pages with (bench/bare, a workspace of its own), built and
# optimised as the real apps are, into /pkg/bare/ of the assets: the same
# wrangler dev serves both. Only the bench builds it.
build_bare() {
  local out=frontend/dist/pkg/bare
  (cd bench/bare && CARGO_TARGET_DIR="$target/bare" cargo build --quiet --locked --target wasm32-unknown-unknown --release)
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen "$target/bare/wasm32-unknown-unknown/release/bare.wasm" --target web --no-typescript --out-dir "$out" --out-name bare
  optimise "$out/bare_bg.wasm"
  cp bench/bare/index.html "$out/index.html"
  printf 'import init from "/pkg/bare/bare.js";\ninit({ module_or_path: "/pkg/bare/bare_bg.wasm" });\n' > "$out/start.js"
}

# worker-build in a crate's directory (backend or notifier), into the given
# directory under it; further arguments go to cargo (the features).
worker_build() {
  local crate="$1" out="$2"
  shift 2
  # A separate target dir: worker-build compiles with other wasm-bindgen
  # settings, and sharing one dir with the web app would rebuild both each time.
  (cd "$crate" && CARGO_TARGET_DIR="$target/worker" \
    WASM_BINDGEN_BIN="$(command -v wasm-bindgen)" \
    ESBUILD_BIN="$root/node_modules/@esbuild/linux-x64/bin/esbuild" \
    WASM_OPT_BIN="$root/node_modules/.bin/wasm-opt" \
    worker-build --release --out-dir "$out" "$@")
}

# One of the backend crate's two Workers (backend/src/lib.rs): "portal"
# into backend/build, "office" into backend/build-office.
backend_worker() {
  local part="$1" out=build
  [ "$part" = office ] && out=build-office
  worker_build backend "$out" --no-default-features --features "$part"
  # worker-build's own pass leaves about a tenth of the Worker on the table
  # (measured 2026-11-26 on the single Worker then: 1,010 → 919 KB gzip).
  wasm-opt -Oz "${wasm_features[@]}" --strip-debug --strip-producers "backend/$out/index_bg.wasm" -o "backend/$out/index_bg.wasm"
}

build_worker() {
  backend_worker portal
  backend_worker office
  # The document describes the Workers' routes: it changes with them.
  publish_openapi frontend/dist
}

# The test and bench stacks build first and start wrangler dev with
# STACK_BUILT=1, so its own [build] step does not compile a second time.
if [ "${STACK_BUILT:-}" = 1 ]; then
  exit 0
fi

case "${1:-all}" in
  frontend) build_frontend ;;
  worker) build_worker ;;
  # The office Worker alone (backend/wrangler.office.toml's own build).
  office) backend_worker office ;;
  # The queue's consumer, a Worker of its own (notifier/wrangler.toml).
  notifier) worker_build notifier build ;;
  bare) build_bare ;;
  all) build_frontend; build_worker; worker_build notifier build ;;
  *) echo "usage: scripts/build.sh [frontend|worker|office|notifier|bare|all]" >&2; exit 2 ;;
esac
