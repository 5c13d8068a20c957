# kotodama: one image for the bot and every worker. The command picks the role (see docker-compose.yml).
#   docker build -t kotodama .
FROM node:22-bookworm-slim

# ffmpeg decodes M4A/AAC/WebM audio; the other formats decode in-process.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Production dependencies only: tsx is one of them (the app runs its TypeScript directly), the test and
# lint tools are not. .npmrc keeps onnxruntime-node from downloading GPU files: the CPU build ships in npm.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY config ./config
COPY src ./src
COPY LICENSE ./

# The models folder belongs to the unprivileged user, so a named volume mounted there is writable.
RUN mkdir -p /app/models && chown node:node /app/models
USER node

# KOTODAMA_HTTP_PORT: /healthz, /readyz, /metrics (and /admin/queues on the bot). The container binds it
# on all its interfaces so that Prometheus on the compose network can scrape it; it is published nowhere
# unless you say so (docker-compose.yml). A public bind needs KOTODAMA_ADMIN_USER/PASSWORD for the dashboard.
ENV NODE_ENV=production \
    MODELS_DIR=/app/models \
    KOTODAMA_HTTP_PORT=9464 \
    KOTODAMA_HTTP_HOST=0.0.0.0
EXPOSE 9464

# Ready = Redis reachable (and, on a worker, its lane models loaded and the watchdog content). The long
# start period covers the first start, when a worker downloads its models.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10m --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.KOTODAMA_HTTP_PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node directly (not npm): signals reach the app, which hands running jobs back before it exits.
CMD ["node", "--import", "tsx", "src/main.ts"]
