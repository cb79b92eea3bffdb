# Kubelab's container image: Next's standalone server, the worker bundles (grading, studio gate), content/, the migrations and the
# bundled `kubelab` CLI, running as a non-root user. ADR 0016; README "Deploying".
#
#   docker build -t kubelab:1.0.0 .
#   docker run --rm -e DATABASE_URL=... -e AUTH_SECRET=... kubelab:1.0.0 node dist/kubelab.mjs db migrate
#   docker run -p 3000:3000 -e DATABASE_URL=... -e AUTH_SECRET=... -e KUBELAB_MIGRATE=0 kubelab:1.0.0
#
# No Docker engine runs in this project's CI: scripts/container-build-check.sh performs these steps as a script
# (npm ci, the standalone build, the final stage's copies as a non-root user, `db migrate`, server.js until
# /api/ready), and scripts/container-build-check.test.ts keeps its copy list equal to this file's COPY lines.

# --- build: everything needed to compile (dev dependencies, compilers for better-sqlite3) ---------------------------
FROM node:20-bookworm AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# Dependencies first, so a change to the sources reuses this layer. postinstall generates the Prisma clients.
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.ts ./scripts/
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

COPY . .
# Next's standalone output (next.config.mjs switches it on) and the worker bundles (ADR 0013, 0020), then the CLI
# as one ES module that plain node runs.
RUN KUBELAB_STANDALONE=1 npm run build \
 && npx tsx scripts/build-cli.ts

# --- runtime: node, the traced node_modules and Kubelab's files; nothing else ---------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# HOSTNAME is where server.js listens (Docker and Kubernetes would set it to the container's name). HOME: some
# modules ask for it as they load, and a uid without a passwd entry (OpenShift) has none.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    HOME=/app \
    DATABASE_URL=file:./data/kubelab.db

RUN groupadd --system --gid 10001 kubelab \
 && useradd --system --uid 10001 --gid kubelab --home-dir /app --no-create-home --shell /usr/sbin/nologin kubelab

# Owned by root and read-only to the server: it cannot change its own code. Keep this list equal to
# RUNNER_COPIES in scripts/container-build-check.sh (its test compares them).
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/.next/kubelab-grading-worker.mjs ./.next/kubelab-grading-worker.mjs
COPY --from=build /app/.next/kubelab-studio-gate-worker.mjs ./.next/kubelab-studio-gate-worker.mjs
COPY --from=build /app/.next/kubelab-static-pages.json ./.next/kubelab-static-pages.json
COPY --from=build /app/.next/kubelab-static-documents ./.next/kubelab-static-documents
COPY --from=build /app/dist/kubelab.mjs ./dist/kubelab.mjs
COPY --from=build /app/content ./content
COPY --from=build /app/prisma/migrations ./prisma/migrations

# The only places the server writes: the SQLite database (when DATABASE_URL is a file) and Next's cache.
RUN mkdir -p data .next/cache && chown kubelab:kubelab data .next/cache
VOLUME ["/app/data"]

USER 10001:10001
EXPOSE 3000
# Liveness, as Kubernetes' livenessProbe; readiness (database, migrations, content) is /api/ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrates at start unless KUBELAB_MIGRATE=0 (several replicas: run `node dist/kubelab.mjs db migrate` once per
# deploy instead). Never creates demo accounts: only `npm start` does, and this image does not use it.
CMD ["node", "server.js"]
