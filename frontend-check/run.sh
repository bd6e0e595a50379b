#!/usr/bin/env bash
# The reference frontend check (`make frontend-check`, CI): the demo in a throwaway SQLite
# database, served on a free loopback port; a TypeScript client generated from the OpenAPI
# document it serves, compiled under `tsc --strict` with no escape hatch; the five page kinds
# rendered in French and Arabic from API v3; Redocly's lint of the document. Needs Node 20.19+.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
python="$root/.venv/bin/python"
started=$SECONDS
step() { printf '\n--> %s (%ss)\n' "$*" "$((SECONDS - started))"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/frontend-check.XXXXXX")"
server=""
npm_install=""
cleanup() {
    local status=$?
    if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi
    if [ -n "$npm_install" ]; then kill "$npm_install" 2>/dev/null || true; fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base_url="http://127.0.0.1:$port"
# Nothing of the developer's own site is read or written: database, files and cache are the
# check's own. Links in the answers name the address served.
unset REDIS_URL
export DJANGO_SETTINGS_MODULE=cms.settings.dev DATABASE_URL="sqlite:///$work/db.sqlite3" \
    MEDIA_ROOT="$work/media" DOCUMENTS_ROOT="$work/documents" CACHE_DIR="$work/cache" \
    WAGTAILADMIN_BASE_URL="$base_url"

step "npm ci, beside the database's migrations"
(cd "$here" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error) &
npm_install=$!
"$python" "$root/manage.py" migrate --noinput -v 0
wait "$npm_install"
npm_install=""

step "The demo content, in every language"
"$python" "$root/manage.py" seed_demo

step "The site, at $base_url"
"$python" "$root/manage.py" runserver --noreload "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
    curl -fs -o /dev/null "$base_url/healthz" && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.3
done

cd "$here"
rm -rf build dist
mkdir -p build
step "The served OpenAPI document → generated types (src/api.d.ts)"
curl -fsS -o build/openapi.json "$base_url/api/v3/openapi.json"
npx openapi-typescript build/openapi.json --output src/api.d.ts

step "tsc --strict, and no any, cast or type guard in src/"
node no-escape-hatches.mjs
npx tsc

step "Five page kinds in French and Arabic, from the API"
node dist/render.js "$base_url" build/html

step "Redocly lint of the document (redocly.yaml)"
npx redocly lint build/openapi.json --config redocly.yaml --format=stylish

step "Done"
