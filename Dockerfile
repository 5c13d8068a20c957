# kotodama: one image for the bot and the workers.
FROM node:20-bookworm-slim
# ffmpeg decodes M4A/AAC/WebM audio; the other formats decode in-process.
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY config ./config
COPY src ./src
ENV MODELS_DIR=/app/models NODE_ENV=production
CMD ["npm", "start"]
