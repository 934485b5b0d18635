#!/usr/bin/env bash
# Benchmarks (not tests): prints figures, asserts nothing about time.
#   scripts/bench.sh sizes    page weights and the Worker's size
#   scripts/bench.sh lighthouse  Lighthouse 12 (mobile, slow 4G), median of 3 runs, on each applicant page and
#                                on a bare Leptos app (bench/bare) served beside them: scores, LCP, CLS, bytes
#   scripts/bench.sh submit   an application with a 3 MB photo vs the no-op route
#   scripts/bench.sh photos   bytes uploaded for a five-photo application from the phone form, before and after
#                             the browser scales camera photos
#   scripts/bench.sh dashboard  rows read by the office's requests at 1,000 and 100,000 records
#   scripts/bench.sh cases  rows read and latency (1,000 requests each: p50/p90/p99/max) of inbox, tracking (a case
#                           with a long history too) and statistics at 10,000 and 100,000 cases; tracking and the
#                           no-op routes (the portal's and the office Worker's) at 50 in flight
#   scripts/bench.sh tickets  rows read and median latency of the hotline's inbox, queue, figures and look-up
#                             at 10,000 and 100,000 tickets
#   scripts/bench.sh supervision  rows read and median latency of supervision's inbox, lists, item page, slips and
#                                 dashboard at 1,000 and 100,000 tasks
#   scripts/bench.sh documents  rows read and median latency of document transmission's lists, sender's page, a unit's
#                               copy, the chain's check and figures at 1,000 and 100,000 documents
#   scripts/bench.sh information  rows read and median latency of information's league table, lists, an item's page
#                                 and figures at 1,000 and 100,000 items
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --browser
source scripts/lib/env.sh
bash scripts/build.sh
source scripts/lib/stack.sh
port="${BENCH_PORT:-8798}"
case "${1:-sizes}" in
  sizes) start_stack "$port" "$root/target/bench-output"; BASE_URL="$BASE_URL" node bench/sizes.mjs ;;
  lighthouse)
    # Into the assets before wrangler dev starts (it sees only files present then); gone afterwards.
    bash scripts/build.sh bare
    start_stack "$port" "$root/target/bench-output"
    trap 'stop_stack; rm -rf "$root/frontend/dist/pkg/bare"' EXIT  # start_stack's trap, and the bare app
    BASE_URL="$BASE_URL" node bench/lighthouse.mjs ;;
  submit) start_stack "$port" "$root/target/bench-output"; BASE_URL="$BASE_URL" node bench/submit.mjs ;;
  photos) start_stack "$port" "$root/target/bench-output"; BASE_URL="$BASE_URL" node bench/photos.mjs ;;
  dashboard)
    for n in 1000 100000; do
      { node bench/registers-sql.mjs "$n"; cargo xtask counters-sql; } > "$root/target/registers-$n.sql"
      start_stack "$port" "$root/target/bench-output" "$root/target/registers-$n.sql"
      RECORDS="$n" BASE_URL="$BASE_URL" node bench/dashboard.mjs
      stop_stack
    done ;;
  cases)
    echo "|   cases | request                              | in flight |     n | rows read | p50 ms  | p90 ms  | p99 ms  | max ms  |"
    echo "|---------|--------------------------------------|-----------|-------|-----------|---------|---------|---------|---------|"
    for n in 10000 100000; do
      node bench/cases-sql.mjs "$n" > "$root/target/cases-$n.sql"
      start_stack "$port" "$root/target/bench-output" "$root/target/cases-$n.sql"
      CASES="$n" BASE_URL="$BASE_URL" node bench/cases.mjs
      stop_stack
    done ;;
  tickets)
    echo "| tickets | request                              | rows read | p50 ms  |"
    echo "|---------|--------------------------------------|-----------|---------|"
    for n in 10000 100000; do
      node bench/tickets-sql.mjs "$n" > "$root/target/tickets-$n.sql"
      start_stack "$port" "$root/target/bench-output" "$root/target/tickets-$n.sql"
      TICKETS="$n" BASE_URL="$BASE_URL" node bench/tickets.mjs
      stop_stack
    done ;;
  supervision)
    echo "|   tasks | request                              | rows read | p50 ms  |"
    echo "|---------|--------------------------------------|-----------|---------|"
    for n in 1000 100000; do
      node bench/supervision-sql.mjs "$n" > "$root/target/supervision-$n.sql"
      start_stack "$port" "$root/target/bench-output" "$root/target/supervision-$n.sql"
      TASKS="$n" BASE_URL="$BASE_URL" node bench/supervision.mjs
      stop_stack
    done ;;
  documents)
    echo "|    docs | request                              | rows read | p50 ms  |"
    echo "|---------|--------------------------------------|-----------|---------|"
    for n in 1000 100000; do
      node bench/documents-sql.mjs "$n" > "$root/target/documents-$n.sql"
      start_stack "$port" "$root/target/bench-output" "$root/target/documents-$n.sql"
      DOCUMENTS="$n" BASE_URL="$BASE_URL" node bench/documents.mjs
      stop_stack
    done ;;
  information)
    echo "|   items | request                              | rows read | p50 ms  |"
    echo "|---------|--------------------------------------|-----------|---------|"
    for n in 1000 100000; do
      node bench/information-sql.mjs "$n" > "$root/target/information-$n.sql"
      start_stack "$port" "$root/target/bench-output" "$root/target/information-$n.sql"
      ITEMS="$n" BASE_URL="$BASE_URL" node bench/information.mjs
      stop_stack
    done ;;
  *) echo "usage: scripts/bench.sh [sizes|lighthouse|submit|dashboard|cases|tickets|supervision|documents|information]" >&2; exit 2 ;;
esac
