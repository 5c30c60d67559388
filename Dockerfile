# Greenlane image: one image for the API (`npm run api`, the default command)
# and the Temporal worker (`npm run worker`); a second target, `migrate`, runs
# `npm run db:migrate`. TypeScript runs directly through tsx (a runtime
# dependency), so there is no compile step.
#
# Stages
#   base     node:20-bookworm-slim + /app
#   build    full `npm ci` (dev dependencies included) + sources + Prisma client
#   migrate  = build, as a non-root user. Keeps the dev dependencies on purpose:
#            prisma.config.ts imports `prisma/config`, and the Prisma CLI is a
#            devDependency, so anything migration-related may need them.
#   prune    build minus dev dependencies
#   runtime  (default, last) base + the pruned /app, non-root
#
# Why not `npm ci --omit=dev`: the root `postinstall` runs `prisma generate`,
# which needs the `prisma` CLI, a devDependency. So the build stage installs
# everything, generates the client, and only then `npm prune --omit=dev` drops
# the dev dependencies (with --ignore-scripts, so postinstall does not run
# again without its CLI). The generated client lives in prisma/generated/ (the
# `prisma-client` generator's output), outside node_modules, so the prune
# cannot remove it.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

FROM base AS build
# openssl: the Prisma CLI probes libssl at start-up to pick its platform and
# warns when it is missing (this stage only; the runtime image does not need it
# with engineType = "client").
RUN apt-get update \
 && apt-get install -y --no-install-recommends openssl \
 && rm -rf /var/lib/apt/lists/*
# Dependency layer: only what `npm ci` and its postinstall (`prisma generate`)
# read, so source edits do not invalidate it.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
# Generate again from the final sources: .dockerignore keeps the host's
# prisma/generated out, and this makes the client match the schema copied in.
RUN node_modules/.bin/prisma generate

FROM build AS migrate
USER node
CMD ["npm", "run", "db:migrate"]

FROM build AS prune
RUN npm prune --omit=dev --ignore-scripts \
 && npm cache clean --force \
 && rm -rf /root/.npm /tmp/*

FROM base AS runtime
# Production unless told otherwise: no development sign-in, explicit identity provider settings.
ENV NODE_ENV=production \
    GREENLANE_ENV=production
# Files stay root-owned (read-only for the app); the process runs as the
# image's unprivileged `node` user (uid 1000), whose HOME holds npm's logs and
# tsx's cache lives in /tmp.
COPY --from=prune /app /app
USER node
EXPOSE 3000
CMD ["npm", "run", "api"]
