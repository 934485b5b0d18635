# Shared by test.sh and bench.sh: start the real local stack (wrangler dev
# on a fresh local D1 with the demo data) and stop it on exit.
# Usage: source scripts/lib/stack.sh; start_stack PORT OUTPUT_DIR [EXTRA_SQL]
# Sets BASE_URL. EXTRA_SQL, if given, is loaded after the demo data.

start_stack() {
  local port="$1" out="$2" extra="${3:-}"
  local state="$root/target/stack-state-$port"
  rm -rf "$state" && mkdir -p "$state" "$out"
  wrangler d1 migrations apply DB --local --persist-to "$state" >"$out/migrations.log" 2>&1
  cargo xtask demo-sql > "$root/target/demo.sql"
  wrangler d1 execute DB --local --persist-to "$state" --file "$root/target/demo.sql" >"$out/seed.log" 2>&1
  if [ -n "$extra" ]; then
    wrangler d1 execute DB --local --persist-to "$state" --file "$extra" >>"$out/seed.log" 2>&1
  fi
  # --test-scheduled: tests run the daily job at /cdn-cgi/handler/scheduled.
  # One process: the portal and the office Worker (APP_CONFIGS, env.sh) and
  # the notifier (the NOTIFY queue's consumer, with its local settings in
  # notifier/.dev.vars), or NOTIFIER_CONFIG's variant of it
  # (scripts/test-providers.sh).
  STACK_BUILT=1 wrangler dev "${APP_CONFIGS[@]}" -c "${NOTIFIER_CONFIG:-notifier/wrangler.toml}" --ip 127.0.0.1 --port "$port" --persist-to "$state" --inspector-port 0 --test-scheduled "${LOCAL_VARS[@]}" >"$out/wrangler.log" 2>&1 &
  STACK_PID=$!
  trap stop_stack EXIT
  BASE_URL="http://127.0.0.1:$port"
  # Tests may set up the past (an overdue case) directly in local D1.
  export STACK_STATE="$state"
  for _ in $(seq 1 120); do
    curl -fsS "$BASE_URL/api/health" >/dev/null 2>&1 && return 0
    if ! kill -0 "$STACK_PID" 2>/dev/null; then
      cat "$out/wrangler.log"; echo "wrangler dev exited" >&2; return 1
    fi
    sleep 1
  done
  cat "$out/wrangler.log"; echo "wrangler dev did not answer within 120 s" >&2; return 1
}

stop_stack() {
  kill "$STACK_PID" 2>/dev/null || true
  wait "$STACK_PID" 2>/dev/null || true
}
