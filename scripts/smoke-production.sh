#!/usr/bin/env bash
# The production path a new operator follows, on a clean copy of this checkout:
#   npm ci --omit=dev && npm run build && CONCIERGE_ENV=production … npm start
# then the server must answer with the prebuilt bundles, and refuse the demo login.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
# A free port, so a server left over from anything else cannot answer for this one.
port="$(node -e "const s=require('node:net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")"
cleanup() {
  # npm start runs tsx, which runs node: end the whole process group.
  [[ -n "${server:-}" ]] && kill -- "-$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The files of the checkout (committed or new, not ignored), as a clean clone would have them.
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [[ -e "$f" ]] && printf '%s\0' "$f"
done | xargs -0 cp --parents -t "$work")
cd "$work"
npm ci --omit=dev --no-audit --no-fund >/dev/null
test ! -e node_modules/vitest || { echo "smoke: dev dependencies were installed" >&2; exit 1; }
npm run build >/dev/null

secret() { node -e "console.log(require('node:crypto').randomBytes(24).toString('hex'))"; }
DATA_DIR="$work/data" PORT="$port" CONCIERGE_ENV=production IDENTITY_SECRET="$(secret)" SESSION_SECRET="$(secret)" \
  CONSOLE_AGENTS='kim@shop.example:a-long-password-1:admin' LOG_LEVEL=info setsid npm start >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; echo "smoke: the server exited" >&2; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$port/widget.js" >/dev/null
grep -q 'serving the prebuilt browser bundles' "$work/server.log" || { echo "smoke: prebuilt bundles not served" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/demo/customers")
[[ "$status" == 404 ]] || { echo "smoke: /api/demo/customers answered $status" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d '{"email":"alex@example.com","password":"concierge-demo"}' "http://127.0.0.1:$port/api/agent/sessions")
[[ "$status" == 401 ]] || { echo "smoke: the demo login answered $status" >&2; exit 1; }
echo "smoke: npm ci --omit=dev && npm run build && npm start serves the prebuilt bundles in production mode"
