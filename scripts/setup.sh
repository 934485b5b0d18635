#!/usr/bin/env bash
# Installs exactly what the project needs, at pinned versions, and skips
# whatever is already present at the right version: safe and quick to re-run.
#   scripts/setup.sh            tools to build and run the app
#   scripts/setup.sh --browser  … plus Chromium and CJK fonts for browser tests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m== %s\033[0m\n' "$*"; }

# The CLI must equal the wasm-bindgen crate in Cargo.lock, and worker-build
# the worker crate: read both from the lock file so they cannot drift.
locked() { awk -v n="$1" '$0 == "name = \"" n "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock; }
wasm_bindgen_version=$(locked wasm-bindgen)
worker_build_version=$(locked worker)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Rust component $component"
    rustup component add "$component"
  fi
done

installs=()
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "wasm-bindgen-cli $wasm_bindgen_version (about 10 minutes on 2 cores)"
  # Not --locked: its lock file wants a crate version this registry lacks.
  cargo install --quiet wasm-bindgen-cli --version "$wasm_bindgen_version" --force &
  installs+=($!)
fi
if [ "$(worker-build --version 2>/dev/null)" != "$worker_build_version" ]; then
  say "worker-build $worker_build_version (about 15 minutes on 2 cores)"
  cargo install --quiet worker-build --version "$worker_build_version" --locked --force &
  installs+=($!)
fi

# npm packages: wrangler, Node 22 for it, wasm-opt, esbuild, playwright-core.
stamp=node_modules/.setup-stamp
want=$(sha256sum package-lock.json | cut -c1-64)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

if [ "${1:-}" = "--browser" ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  if ! command -v chromium >/dev/null || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    say "Chromium and CJK fonts (Debian packages)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
  fi
  # Python packages from PyPI, pinned in a requirements.txt, each set into a
  # folder of its own (PYTHONPATH), re-installed when that file changes.
  python_packages() {
    local py="$1" requirements="$2" what="$3" want
    want=$(sha256sum "$requirements" | cut -c1-64)
    if [ "$(cat "$py/.stamp" 2>/dev/null)" != "$want" ]; then
      say "$what (PyPI)"
      if ! python3 -m pip --version >/dev/null 2>&1; then
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-pip >/dev/null
      fi
      rm -rf "$py"
      PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --target "$py" -r "$requirements"
      echo "$want" > "$py/.stamp"
    fi
  }
  # Real Open311 GeoReport v2 clients for tests/open311/client_test.py.
  python_packages target/open311-py tests/open311/requirements.txt "Python GeoReport v2 clients"
  # Schemathesis, which fuzzes the API from its OpenAPI document (tests/fuzz/run.py).
  python_packages target/fuzz-py tests/fuzz/requirements.txt "Schemathesis"
fi

for pid in "${installs[@]}"; do
  wait "$pid"
done
say "set-up complete"
