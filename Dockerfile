# syntax=docker/dockerfile:1
# One image for every deployable: APP_CONTEXTS and APP_ROLE choose what a container hosts.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# onnxruntime-node's install script would fetch GPU libraries; the CPU binaries ship in the package.
RUN --mount=type=cache,target=/root/.npm ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY libs ./libs
COPY migrations ./migrations
# The web console's sources: `npm run build` bundles them into dist/console (ADR 0014).
COPY console ./console
RUN npm run build

FROM node:24-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# onnxruntime-node ships binaries for every platform (~300 MB); the image keeps its own Linux one.
RUN --mount=type=cache,target=/root/.npm ONNXRUNTIME_NODE_INSTALL=skip npm ci --omit=dev --no-audit --no-fund \
  && find node_modules/onnxruntime-node/bin -mindepth 2 -maxdepth 2 ! -name linux -exec rm -rf {} + \
  && find node_modules/onnxruntime-node/bin -mindepth 3 -maxdepth 3 -path '*/linux/*' \
    ! -name "$(node -p "process.arch")" -exec rm -rf {} +
COPY --from=build /app/dist ./dist
# The image's own non-root user. It writes only to STORAGE_DIR when objects are kept on the
# filesystem (STORAGE_DRIVER=filesystem); mount a volume there, or use S3.
RUN mkdir -p /data/objects && chown node:node /data/objects
ENV STORAGE_DIR=/data/objects
USER node
EXPOSE 3000
# Liveness only: a slow PostgreSQL or Redis must not get the container restarted.
# Slim images have no curl, so Node's fetch does the probe.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm start`, with no npm process between the container's SIGTERM and
# the app. Run it with an init (compose `init: true`, `docker run --init`): Nest re-raises the
# signal after its graceful close, and PID 1 has no default action for it. The preload starts
# OpenTelemetry only when OTEL_* variables ask for traces (ADR 0602).
CMD ["node", "--import", "./dist/src/tracing/preload.js", "dist/src/main.js"]
