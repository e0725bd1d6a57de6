# One image per app, built from this one file:
#
#   docker build -f docker/app.Dockerfile --build-arg APP=pagos --build-arg PORT=3002 -t aeroalpes/pagos:0.1.0 .
#   npm run docker:build -- pagos          (the same, with the port and tag filled in)
#
# APP is a Nest CLI project of nest-cli.json (aeroalpes, cliente, pagos, integracion-gds, notificaciones);
# PORT only documents the port (EXPOSE): the app listens on <APP>_PORT, else its default port.
# Written for the classic builder and BuildKit alike (no BuildKit-only syntax).

# ---- deps: every dependency, installed once for all apps (no APP here, so the layers are shared) ------
# A glibc base (Debian bookworm): pulsar-client's prebuilt native binary is built for glibc, not musl.
FROM node:20.20.2-bookworm-slim AS deps
# better-sqlite3 compiles from source when its prebuilt binary cannot be fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# The project's npm: npm 11 honours package.json#allowScripts (better-sqlite3 allowed; pulsar-client
# denied, because on machines without internet its install script cannot download its binary).
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# ---- prod-deps: production dependencies only, with pulsar-client's native binary ----------------------
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund
# Here, with internet, run pulsar-client's own install script (node-pre-gyp install
# --fallback-to-build && node GenCertFile.js): it downloads the prebuilt napi binary for
# linux-glibc-<arch> (the Pulsar C++ client linked in) and writes the CA bundle it uses for
# pulsar+ssl://. `npm rebuild pulsar-client` would not: allowScripts denies it, so it is run
# directly. A failed download fails the build rather than shipping an image that cannot BROKER=pulsar.
RUN npm run --prefix node_modules/pulsar-client install
RUN node -e "require('pulsar-client'); require('better-sqlite3'); console.log('native addons load')"

# ---- build: compile one app with the Nest CLI ----------------------------------------------------------
FROM deps AS build
ARG APP
RUN test -n "$APP" || { echo "build with --build-arg APP=<aeroalpes|cliente|pagos|integracion-gds|notificaciones>" >&2; exit 1; }
COPY nest-cli.json tsconfig.json ./
RUN node -e "const p = require('./nest-cli.json').projects[process.argv[1]]; if (!p || p.type !== 'application') { console.error('APP=' + process.argv[1] + ' is not an application of nest-cli.json'); process.exit(1); }" "$APP"
COPY libs ./libs
COPY apps/${APP} ./apps/${APP}
# dist/apps/$APP/src/main.js and dist/libs/..., where package.json#imports (#seedwork, #contracts) point.
RUN npx nest build "$APP"

# ---- runtime: production node_modules, package.json (for #imports), the compiled app ---------------
FROM node:20.20.2-bookworm-slim AS runtime
ARG APP
ARG PORT=3000
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    APP=${APP} \
    DATA_DIR=/app/data
WORKDIR /app
# Owned by root and read-only to the service's user; only DATA_DIR (embedded SQLite, if used) is writable.
COPY package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY scripts/services.js ./scripts/services.js
COPY docker/entrypoint.js docker/healthcheck.js ./docker/
RUN mkdir -p /app/data && chown node:node /app/data \
  && node -e "require('pulsar-client'); require('better-sqlite3')"
USER node
EXPOSE ${PORT}
# /health answers 200 when the database and the broker are up (503 otherwise).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "docker/healthcheck.js"]
STOPSIGNAL SIGTERM
# Exec form, no shell: node is PID 1 and receives SIGTERM itself. Nest's shutdown hooks close the
# HTTP server, the consumers, the outbox relay and the database, within SHUTDOWN_TIMEOUT_MS (10 s).
# docker/entrypoint.js imports dist/apps/$APP/src/main.js (CMD's exec form cannot expand $APP).
CMD ["node", "docker/entrypoint.js"]
