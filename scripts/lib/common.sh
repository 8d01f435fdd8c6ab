# shellcheck shell=bash
# Shared by start-infrastructure.sh and check-health.sh: where the stack runs and how to reach it.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export REPO_ROOT

# compose when a Docker engine answers, else the local twin (real JVMs, no containers).
# INFRA_MODE=compose|twin overrides the guess.
infra_mode() {
  if [[ -n "${INFRA_MODE:-}" ]]; then
    echo "${INFRA_MODE}"
  elif docker info >/dev/null 2>&1; then
    echo compose
  else
    echo twin
  fi
}

# docker compose v2, or the v1 docker-compose binary where v2 is absent.
compose() {
  if docker compose version >/dev/null 2>&1; then
    docker compose --project-directory "${REPO_ROOT}" "$@"
  else
    docker-compose --project-directory "${REPO_ROOT}" "$@"
  fi
}

# The infra-verify CLI: the bundle when built, else straight from the TypeScript sources.
infra_verify() {
  if [[ -f "${REPO_ROOT}/dist/cli/index.js" ]]; then
    node "${REPO_ROOT}/dist/cli/index.js" "$@"
  else
    (cd "${REPO_ROOT}" && npx --no-install tsx src/cli.ts "$@")
  fi
}

# The twin's ports, as the twin itself reads them.
TWIN_ZOOKEEPER_PORT="${TWIN_ZOOKEEPER_PORT:-2181}"
TWIN_KAFKA_PORT="${TWIN_KAFKA_PORT:-9092}"
TWIN_CASSANDRA_PORT="${TWIN_CASSANDRA_PORT:-9042}"
