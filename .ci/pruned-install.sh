#!/usr/bin/env bash
# An install pruned of dev dependencies after the build serves and runs every command: a clean
# copy of HEAD, `npm ci` (which builds dist/), `npm prune --omit=dev`, then the server and each
# command against a fresh SQLite file. Run by .ci/run; by hand: `bash .ci/pruned-install.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir "$WORK/app"
git archive HEAD | tar -x -C "$WORK/app"
cd "$WORK/app"
npm ci --no-audit --no-fund
npm prune --omit=dev --no-audit --no-fund
for dev_only in tsx typescript eslint prettier; do
  if [ -e "node_modules/$dev_only" ]; then echo "pruned install: $dev_only is still installed"; exit 1; fi
done

export DB_URL="sqlite:///$WORK/pruned.db" LOG_LEVEL=warn HOST=127.0.0.1 PORT=0
unset DATABASE_URL REDIS_URL UPSTASH_REDIS_URL PROMPTER_FROM_SOURCE PROMPTER_URL || true
prompter() { node bin/prompter.js "$@"; }

prompter --help >/dev/null
prompter --version
# Output is captured before it is searched: `grep -q` closing the pipe early would fail the writer.
expect() { # expect TEXT PATTERN: fail, showing TEXT, unless it matches
  if ! printf '%s' "$1" | grep -E "$2" >/dev/null; then echo "pruned install: expected /$2/ in: $1"; exit 1; fi
}
expect "$(echo '{"user_prompt_template":"Top {{category}} brands?","model_id":"gpt-4o"}' | prompter hash)" config_hash
[ -z "$(prompter hash </dev/null)" ]
# A read never creates the database: status on a missing file refuses (exit 2) and names it.
expect "$(prompter migrate status 2>&1 || true)" 'no database at'
[ ! -e "$WORK/pruned.db" ]
prompter migrate up
expect "$(prompter migrate status)" '^20[0-9-]+T.*create-prompt-tables'
expect "$(prompter keys create --org acme --role admin --json)" '"key"'
expect "$(prompter keys list)" acme

# The documented production command: node on the compiled entry, no npm in between.
node dist/cli/main.js serve 2>"$WORK/serve.err" &
SERVER_PID=$!
ADDRESS=""
for _ in $(seq 1 60); do
  ADDRESS="$(sed -n 's#^  API *\(http://[^ ]*\)/api$#\1#p' "$WORK/serve.err" | head -1)"
  [ -n "$ADDRESS" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.err"; exit 1; }
  sleep 1
done
[ -n "$ADDRESS" ] || { echo "pruned install: the server printed no banner"; cat "$WORK/serve.err"; exit 1; }
expect "$(curl -fsS "$ADDRESS/health")" '"ok"'
TEMPLATE_ID="$(curl -fsS -X POST "$ADDRESS/api/prompt-templates" -H 'content-type: application/json' \
  -d '{"workspace_id":"acme","name":"pruned","user_prompt_template":"Top {{category}} brands?","model_id":"gpt-4o","country_set":["US"]}' |
  node -e 'let s="";process.stdin.on("data",(c)=>(s+=c)).on("end",()=>console.log(JSON.parse(s).id))')"
expect "$(prompter run "$TEMPLATE_ID" --var category=tea --json)" '"succeeded"'
prompter versions "$TEMPLATE_ID" >/dev/null
expect "$(curl -fsS "$ADDRESS/metrics")" '^prompter_'
echo "pruned install: serve, hash, migrate, keys, run and versions work without dev dependencies"
