#!/usr/bin/env bash
# The Dockerfile's steps as a script, for a CI without a Docker engine (ADR 0016): in a temporary fresh clone,
# the build stage (npm ci, the standalone build, the worker bundles, the CLI bundle), then the runtime stage's
# copies into a runner directory owned by root, and as a non-root user (uid 10001, as in the image, when this runs
# as root): `node dist/kubelab.mjs db migrate` on a SQLite file, `node server.js` with KUBELAB_MIGRATE=0 on a
# spare port, until /api/ready answers 200; then the image's HEALTHCHECK, a lesson page, a grade and the CLI.
#
#   bash scripts/container-build-check.sh            # checks the committed HEAD of this checkout
#   KEEP=1 bash scripts/container-build-check.sh     # keeps the temporary directory for a look
#   BUILT=. bash scripts/container-build-check.sh    # only the runtime stage, on a build already made here
#
# RUNNER_COPIES below must stay equal to the runtime stage's COPY lines (scripts/container-build-check.test.ts).
# Exit 0 when every check passed, 1 otherwise (the last lines say which).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kubelab-container-check.XXXXXX")"
chmod 755 "$work"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = "1" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
say() { echo; echo "=== $*"; }
fail() { echo "container check FAILED: $*" >&2; exit 1; }

# source (in the build stage's /app) → destination (in the runtime stage's /app), one pair per COPY --from=build.
RUNNER_COPIES=(
  ".next/standalone ."
  ".next/static .next/static"
  ".next/kubelab-grading-worker.mjs .next/kubelab-grading-worker.mjs"
  ".next/kubelab-studio-gate-worker.mjs .next/kubelab-studio-gate-worker.mjs"
  ".next/kubelab-static-pages.json .next/kubelab-static-pages.json"
  ".next/kubelab-static-documents .next/kubelab-static-documents"
  "dist/kubelab.mjs dist/kubelab.mjs"
  "content content"
  "prisma/migrations prisma/migrations"
)
APP_UID=10001

if [ -n "${BUILT:-}" ]; then
  # For working on this script: BUILT=<a checkout where the build stage already ran> skips the clone and the build.
  build="$(cd "$BUILT" && pwd)"
  say "Build stage skipped: using the build in $build (BUILT is set)"
else
  say "Fresh clone of $(git -C "$repo" rev-parse --short HEAD) (the committed tree; uncommitted changes are not checked)"
  git clone --quiet --no-local --no-hardlinks "$repo" "$work/src"
  git -C "$work/src" checkout --quiet "$(git -C "$repo" rev-parse HEAD)"
  build="$work/src"

  say "Build stage: npm ci"
  (cd "$build" && npm ci --no-audit --no-fund --loglevel=error)

  say "Build stage: KUBELAB_STANDALONE=1 npm run build, then the CLI bundle"
  (cd "$build" && KUBELAB_STANDALONE=1 NEXT_TELEMETRY_DISABLED=1 npm run build >"$work/build.log" 2>&1) || { tail -40 "$work/build.log"; fail "the build failed"; }
  tail -3 "$work/build.log"
  (cd "$build" && npx tsx scripts/build-cli.ts)
fi

say "Runtime stage: the COPY lines into $work/app (owned by root, read-only to the server)"
app="$work/app"
mkdir -p "$app"
for pair in "${RUNNER_COPIES[@]}"; do
  read -r from to <<<"$pair"
  [ -e "$build/$from" ] || fail "the build produced no $from"
  if [ -d "$build/$from" ]; then
    mkdir -p "$app/$to"
    cp -a "$build/$from/." "$app/$to/"
  else
    mkdir -p "$(dirname "$app/$to")"
    cp -a "$build/$from" "$app/$to"
  fi
done
mkdir -p "$app/data" "$app/.next/cache"
du -sh "$app" | sed 's/^/runner size: /'

as_app=()
if [ "$(id -u)" = "0" ] && command -v setpriv >/dev/null; then
  chown -R root:root "$app"
  chmod -R go-w "$app"
  chown "$APP_UID:$APP_UID" "$app/data" "$app/.next/cache"
  as_app=(setpriv --reuid="$APP_UID" --regid="$APP_UID" --clear-groups --)
  echo "running as uid $APP_UID (not root), the app's files owned by root"
else
  echo "not root (or no setpriv): running as $(id -un); the image runs as uid $APP_UID"
fi
# The environment the image's ENV lines set (HOME is /app there, HOSTNAME keeps the server off other interfaces
# here), nothing from this shell: no SEED_DEMO, no DATABASE_URL of the caller.
run_env=(env -i PATH="$PATH" NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=127.0.0.1 HOME="$app" DATABASE_URL=file:./data/kubelab.db)
in_app() { (cd "$app" && "${as_app[@]}" "${run_env[@]}" "$@"); }

say "node dist/kubelab.mjs --version / db migrate / db status (as the migration Job runs it)"
in_app node dist/kubelab.mjs --version
in_app node dist/kubelab.mjs db migrate
in_app node dist/kubelab.mjs db status

say "node server.js with KUBELAB_MIGRATE=0"
port="$(node -e "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })")"
auth_secret="$(node -e "console.log(require('node:crypto').randomBytes(33).toString('base64'))")"
(cd "$app" && exec "${as_app[@]}" "${run_env[@]}" PORT="$port" AUTH_SECRET="$auth_secret" KUBELAB_MIGRATE=0 node server.js >"$work/server.log" 2>&1) &
server_pid=$!
base="http://127.0.0.1:$port"
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; fail "server.js exited"; fi
  code="$(curl -s -o "$work/ready.json" -w '%{http_code}' "$base/api/ready" || true)"
  if [ "$code" = "200" ]; then ready=1; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { cat "$work/server.log"; cat "$work/ready.json" 2>/dev/null; fail "/api/ready did not answer 200 within 60 s"; }
echo "/api/ready: $(cat "$work/ready.json")"

say "The image's HEALTHCHECK command, a lesson page, a grade"
healthcheck="$(node -e "
  const text = require('node:fs').readFileSync(process.argv[1], 'utf8').replace(/\\\\\n\s*/g, ' ')
  const line = text.split('\n').find((l) => l.startsWith('HEALTHCHECK'))
  console.log(JSON.stringify(JSON.parse(line.slice(line.indexOf('CMD') + 3))))" "$build/Dockerfile")"
mapfile -t health_cmd < <(node -e "for (const a of JSON.parse(process.argv[1])) console.log(a)" "$healthcheck")
(cd "$app" && "${as_app[@]}" "${run_env[@]}" PORT="$port" "${health_cmd[@]}") || fail "the HEALTHCHECK command failed"
echo "HEALTHCHECK: ok"
lesson="$(curl -s -D "$work/lesson.headers" -o "$work/lesson.html" -w '%{http_code}' "$base/courses/kubernetes-basics/deployment")"
[ "$lesson" = "200" ] && grep -q 'Deployment' "$work/lesson.html" || fail "the Deployment lesson answered $lesson"
# prerendered (ADR 0018): served with the hashes of its inline scripts, which the image must carry
grep -qi "^content-security-policy:.*'sha256-" "$work/lesson.headers" && ! grep -qi "^content-security-policy:.*'nonce-" "$work/lesson.headers" ||
  fail "the lesson page is not served as a prerendered page (no script hashes in its policy): $(grep -i '^content-security-policy' "$work/lesson.headers")"
# and sent as compressed at build time (the documents the image must carry), not compressed again per request
encoded="$(curl -s -o /dev/null -D - -H 'accept-encoding: gzip, deflate, br' "$base/courses/kubernetes-basics/deployment" | tr -d '\r' | sed -n 's/^[Cc]ontent-[Ee]ncoding: //p')"
[ "$encoded" = "br" ] || fail "the lesson page is not sent as its build-time brotli document (Content-Encoding: '$encoded')"
echo "lesson page: 200 ($(wc -c <"$work/lesson.html") bytes), prerendered, policy by script hashes, brotli from the build"
solution="$(in_app node dist/kubelab.mjs content show deployment-web --json | node -e "let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', () => console.log(JSON.stringify({ yaml: JSON.parse(s).solution, lang: 'en' })))")"
grade="$(curl -s -o "$work/grade.json" -w '%{http_code}' -H 'content-type: application/json' -H "origin: $base" --data "$solution" "$base/api/exercises/deployment-web/grade")"
[ "$grade" = "200" ] && grep -q '"passed":true' "$work/grade.json" || { head -c 600 "$work/grade.json"; echo; fail "grading the reference solution answered $grade"; }
echo "grade of the reference solution: 200, passed (in the worker pool)"

say "The CLI's account commands, as an admin would make the first admin (kubectl exec / docker compose exec)"
in_app AUTH_SECRET="$auth_secret" node dist/kubelab.mjs user list

say "No demo accounts, and nothing written outside data/"
users="$(cd "$app" && "${as_app[@]}" node -e "const D = require('./node_modules/better-sqlite3'); const db = new D('data/kubelab.db', { readonly: true }); console.log(db.prepare('SELECT count(*) AS n FROM \"User\"').get().n)")"
[ "$users" = "0" ] || fail "the database has $users users after a plain start (expected none: no demo accounts)"
echo "users: 0"
if [ ${#as_app[@]} -gt 0 ]; then
  written="$(find "$app" -path "$app/data" -prune -o -path "$app/.next/cache" -prune -o -user "$APP_UID" -print)"
  [ -z "$written" ] || fail "the server wrote outside data/ and .next/cache: $written"
  echo "files owned by uid $APP_UID outside data/ and .next/cache: none"
fi
echo "server RSS after the checks: $(awk '/VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$server_pid/status" 2>/dev/null || echo unknown)"
if grep -qiE 'error|warn' "$work/server.log"; then
  echo "server log (errors or warnings):"
  grep -iE 'error|warn' "$work/server.log" | head -20
fi

say "A server started without KUBELAB_MIGRATE=0 migrates its own database (instrumentation.ts)"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
(cd "$app" && exec "${as_app[@]}" "${run_env[@]}" PORT="$port" AUTH_SECRET="$auth_secret" DATABASE_URL=file:./data/self-migrated.db node server.js >"$work/server2.log" 2>&1) &
server_pid=$!
ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server2.log"; fail "server.js exited"; fi
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/ready" || true)" = "200" ] && { ready=1; break; }
  sleep 0.5
done
[ -n "$ready" ] || { cat "$work/server2.log"; fail "a self-migrating server.js did not become ready"; }
grep 'applied' "$work/server2.log" || fail "the server did not say it applied the migrations"

echo
echo "container check passed: the Dockerfile's steps build, migrate and serve (ready on port $port)"
