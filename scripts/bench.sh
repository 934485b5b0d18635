#!/usr/bin/env bash
# Benchmarks (not tests): prints figures, asserts nothing about time.
#   scripts/bench.sh sizes    page weights and the Worker's size
#   scripts/bench.sh submit   an application with a 3 MB photo vs the no-op route
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --browser
source scripts/lib/env.sh
bash scripts/build.sh
source scripts/lib/stack.sh
start_stack "${BENCH_PORT:-8798}" "$root/target/bench-output"
case "${1:-sizes}" in
  sizes) BASE_URL="$BASE_URL" node bench/sizes.mjs ;;
  submit) BASE_URL="$BASE_URL" node bench/submit.mjs ;;
  *) echo "usage: scripts/bench.sh [sizes|submit]" >&2; exit 2 ;;
esac
