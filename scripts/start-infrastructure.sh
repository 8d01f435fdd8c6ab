#!/usr/bin/env bash
# Starts the ChatBattle stack and waits until it is ready (seed step 1.2), then prints the
# health check. Uses docker compose when a Docker engine answers, else the local twin.
set -euo pipefail
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

mode="$(infra_mode)"
echo "Starting the ChatBattle infrastructure (${mode})"
case "${mode}" in
  compose)
    if docker compose version >/dev/null 2>&1; then
      # --wait works because the stack-ready sentinel turns the inits' exit 0 into "running".
      compose up -d --wait --wait-timeout "${START_TIMEOUT_SECONDS:-300}"
    else
      compose up -d
      deadline=$((SECONDS + ${START_TIMEOUT_SECONDS:-300}))
      until [[ "$(docker inspect -f '{{.State.Running}}' chatbattle-stack-ready 2>/dev/null)" == "true" ]]; do
        if ((SECONDS > deadline)); then
          echo "❌ the stack was not ready in time; see: docker-compose logs" >&2
          exit 3
        fi
        sleep 2
      done
    fi
    ;;
  twin)
    infra_verify up --runtime local
    ;;
  *)
    echo "INFRA_MODE must be compose or twin, not '${mode}'" >&2
    exit 2
    ;;
esac

"$(dirname "${BASH_SOURCE[0]}")/check-health.sh"
