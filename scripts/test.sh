#!/usr/bin/env bash
# Sets everything up and runs every test:
#   0. formatting and lints (rustfmt, clippy with warnings as errors);
#   1. unit tests of the pure rules (shared), the data generators and the
#      code's invariants (xtask: tidy, enum names, the OpenAPI document);
#   2. API tests against the real Worker under `wrangler dev`, on a fresh
#      local D1 with the demo data;
#   3. Open311 through real GeoReport v2 client libraries (Python);
#   4. Schemathesis fuzzing every operation of the OpenAPI document (no 5xx,
#      every error in the JSON error shape), then a fresh D1 again;
#   5. browser tests in headless Chromium against the same server.
# Screenshots and the server log go to test-output/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --browser
source scripts/lib/env.sh

echo "== format and lints"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings

echo "== unit tests"
cargo test --quiet -p shared -p xtask -p backend -p notifier

echo "== build"
bash scripts/build.sh

echo "== wrangler dev on a fresh local D1"
out="$root/test-output"
rm -rf "$out"
source scripts/lib/stack.sh
start_stack "${TEST_PORT:-8799}" "$out"

echo "== Open311 with real GeoReport v2 clients (Python, PyPI)"
PYTHONPATH="$root/target/open311-py" BASE_URL="$BASE_URL" python3 tests/open311/client_test.py

echo "== fuzzing the API (schemathesis)"
PYTHONPATH="$root/target/fuzz-py" BASE_URL="$BASE_URL" FUZZ_OUTPUT="$out/fuzz" python3 tests/fuzz/run.py
# The fuzzer leaves random records behind (settings, units, accounts…): the
# tests below start again from a fresh D1 with the demo data.
cp "$out/wrangler.log" "$out/fuzz/wrangler.log"
stop_stack
start_stack "${TEST_PORT:-8799}" "$out"

echo "== API and browser tests"
BASE_URL="$BASE_URL" STACK_STATE="$STACK_STATE" TEST_OUTPUT="$out" node --test --test-concurrency=1 "tests/**/*.test.mjs"
stop_stack

echo "== SMS providers against a local fake (Aliyun, Tencent)"
bash scripts/test-providers.sh
