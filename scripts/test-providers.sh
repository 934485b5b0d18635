#!/usr/bin/env bash
# The Aliyun and Tencent SMS adapters against a local fake of each provider
# (tests/providers/sms.mjs starts it): for each, a fresh stack whose
# notifier sends through that provider to the fake, with made-up
# credentials. The default stack keeps the `log` provider. Expects a build
# (scripts/build.sh); run by scripts/test.sh after the API tests.
# Usage: scripts/test-providers.sh [aliyun|tencent]…
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/lib/env.sh
source scripts/lib/stack.sh
port="${TEST_PORT:-8799}"
fake_port=$((port + 100))
out="$root/test-output/providers"

providers=("$@")
[ ${#providers[@]} -gt 0 ] || providers=(aliyun tencent)
for p in "${providers[@]}"; do
  # Next to notifier/.dev.vars (wrangler reads it from the config's
  # directory), so the local settings apply; ignored by git.
  config="notifier/wrangler.test-$p.toml"
  credentials=$(node -e '
    const [p, port] = process.argv.slice(1);
    const templates = { case_received: "T_RECEIVED", case_supplement: "T_SUPPLEMENT", case_accepted: "T_ACCEPTED", case_completed: "T_COMPLETED" };
    const common = { SMS_PROVIDER: p, SMS_ENDPOINT: `http://127.0.0.1:${port}`, SMS_SIGN_NAME: "某县政务服务", SMS_TEMPLATES: JSON.stringify(templates) };
    const own = p === "aliyun"
      ? { ALIYUN_ACCESS_KEY_ID: "test-key-id", ALIYUN_ACCESS_KEY_SECRET: "test-key-secret" }
      : { TENCENT_SECRET_ID: "AKIDtest", TENCENT_SECRET_KEY: "test-secret-key", TENCENT_SMS_APP_ID: "1400000000" };
    console.log(JSON.stringify({ ...common, ...own }));' "$p" "$fake_port")
  # The provider's settings as plain variables (a deployment has the
  # credentials as secrets), in place of SMS_PROVIDER = "log".
  vars=$(node -e 'for (const [k, v] of Object.entries(JSON.parse(process.argv[1]))) console.log(`${k} = ${JSON.stringify(v)}`)' "$credentials")
  VARS="$vars" awk '/^SMS_PROVIDER = / { print ENVIRON["VARS"]; next } { print }' notifier/wrangler.toml > "$config"
  NOTIFIER_CONFIG="$config" start_stack "$port" "$out/$p"
  SMS_PROVIDER="$p" FAKE_SMS_PORT="$fake_port" FAKE_SMS_CREDENTIALS="$credentials" BASE_URL="$BASE_URL" STACK_STATE="$STACK_STATE" \
    TEST_OUTPUT="$out/$p" node --test --test-concurrency=1 tests/providers/sms.mjs
  stop_stack
  rm -f "$config"
done
