# Citebot in a container: `docker build -t citebot .`, then see README "Running in production".
FROM node:20-slim

WORKDIR /app
ENV NODE_ENV=production
# Dependencies first, so a source change does not reinstall them. tsx is a runtime dependency:
# Citebot runs its TypeScript directly, with no build step.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY src ./src
COPY data ./data

# Articles and snapshots live in volumes, so they outlive the container and can be edited in place
# (the bot reloads changed articles by itself).
ENV CITEBOT_DATA=/data/articles \
    CITEBOT_LIBRARIES=/data/libraries \
    CITEBOT_CACHE=/cache/snapshots
RUN mkdir -p /data/articles /data/libraries /cache/snapshots \
    && cp -r data/articles/. /data/articles/ \
    && chown -R node:node /data /cache
VOLUME ["/data/articles", "/data/libraries", "/cache"]

USER node
# node itself is PID 1, so SIGTERM from `docker stop` reaches the bot, which finishes the requests
# in flight and exits 0 (npm would not pass the signal on).
CMD ["node", "--import", "tsx/esm", "src/main.ts"]
