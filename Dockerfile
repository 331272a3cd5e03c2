# The Threshold command line (`sim`) in a container, for running studies on Kubernetes (or any
# container runtime): `sim batch`, `sim sweep`, `sim merge`, `sim play`, `sim validate`.
#
#   docker build -t threshold-sim .
#   docker run --rm threshold-sim batch anthropic-rsp --runs 1000 --seed 1
#   docker run --rm -v "$PWD/parts:/parts" threshold-sim sweep anthropic-rsp \
#     --grid evalSensitivity=0.3,0.9 --runs 2000 --shard 1/4 --out /parts/part-1.json
#
# `sim … --emit kubernetes --image <registry>/threshold-sim:<tag>` prints the Indexed Job that
# runs this image once per shard (see README, "Large studies"). Push the image where your cluster
# can pull it first.
FROM node:20-bookworm-slim

WORKDIR /app
COPY package.json package-lock.json ./
# The CLI runs the TypeScript sources through tsx (a dev dependency); no install scripts are needed.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json tsconfig.engine.json ./
COPY src ./src
COPY scenarios ./scenarios
RUN printf '#!/bin/sh\nexec /app/node_modules/.bin/tsx /app/src/cli/sim.ts "$@"\n' > /usr/local/bin/sim \
  && chmod +x /usr/local/bin/sim \
  && mkdir -p /parts

USER node
ENTRYPOINT ["sim"]
CMD ["help"]
