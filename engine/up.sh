#!/usr/bin/env bash
# npm run engine:up — starts a Docker engine that belongs to this checkout, with the local images
# that stand in for the pinned ones (see engine/README.md), and prints KEY=VALUE lines for scripts:
#   eval "$(npm run -s engine:up)"  # then: docker compose -f docker-compose.yml -f "$COMPOSE_OVERRIDE" ...
# Idempotent: a running engine is reused, and every cached piece is rebuilt only when its inputs
# change. It installs what is missing from Debian's packages, and never touches another engine.
set -euo pipefail
# shellcheck source=engine/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=engine/images.sh
source "${ENGINE_REPO}/engine/images.sh"

# How long a starting dockerd may take to answer on its socket.
readonly ANSWER_SECONDS=60

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v mvn >/dev/null || missing+=(maven)
  ((${#missing[@]} == 0)) && return 0
  say "installing ${missing[*]} from Debian's packages"
  apt-get update -qq
  # --no-install-recommends: no system-wide docker service or bridge utilities are wanted.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

start_daemon() {
  if engine_pid >/dev/null; then
    say "reusing the running engine (pid $(engine_pid))"
    return 0
  fi
  # Unix socket paths have a 108-byte limit; containerd's deepest is 33 bytes below the exec root.
  if ((${#ENGINE_EXEC} > 70)); then
    fail "the checkout path is too long for dockerd's sockets (${ENGINE_EXEC}); clone to a shorter path"
  fi
  mkdir -p "${ENGINE_RUN}" "${ENGINE_DATA}" "${ENGINE_EXEC}" "${ENGINE_LOGS}"
  rm -f "${ENGINE_PIDFILE}" "${ENGINE_SOCKET}"
  say "starting dockerd on ${ENGINE_SOCKET}"
  # --bridge=none: no default bridge (docker0) that another engine on this machine might own;
  # compose creates its own networks. No --ip: it sets the default bridge's binding only, and
  # compose networks ignore it (their ports bound to 0.0.0.0 and :: with --ip=127.0.0.1), so the
  # loopback binding is in docker-compose.yml, and the engine suite fails on any other.
  # setsid: the engine outlives this script and is not hit by a Ctrl-C meant for it. It must not
  # inherit the cache lock (main), or it would hold it for its whole life.
  setsid dockerd \
    --data-root="${ENGINE_DATA}" \
    --exec-root="${ENGINE_EXEC}" \
    --pidfile="${ENGINE_PIDFILE}" \
    --host="unix://${ENGINE_SOCKET}" \
    --bridge=none \
    </dev/null >>"${ENGINE_LOGS}/dockerd.log" 2>&1 {cache_lock}>&- &
  local started=${SECONDS}
  until docker version >/dev/null 2>&1; do
    if ! kill -0 "$!" 2>/dev/null; then
      tail -n 20 "${ENGINE_LOGS}/dockerd.log" >&2
      fail "dockerd exited while starting; its log is above and in ${ENGINE_LOGS}/dockerd.log"
    fi
    if ((SECONDS - started > ANSWER_SECONDS)); then
      fail "dockerd did not answer on ${ENGINE_SOCKET} within ${ANSWER_SECONDS} s; see ${ENGINE_LOGS}/dockerd.log"
    fi
    sleep 0.5
  done
}

main() {
  local reason cache_lock
  reason="$(engine_unsupported)"
  [[ -z "${reason}" ]] || fail "${reason}"
  local started=${SECONDS}
  install_packages
  # One clone at a time fills the machine-wide cache; another waits and then reuses it.
  mkdir -p "${ENGINE_CACHE}"
  exec {cache_lock}>"${ENGINE_CACHE}/.lock"
  flock "${cache_lock}"
  bash "${ENGINE_REPO}/engine/install-compose.sh" "${ENGINE_DOCKER_CONFIG}/cli-plugins"
  start_daemon
  ensure_images
  flock --unlock "${cache_lock}"
  say "ready in $((SECONDS - started)) s"
  echo "DOCKER_HOST=${DOCKER_HOST}"
  echo "DOCKER_CONFIG=${DOCKER_CONFIG}"
  echo "COMPOSE_OVERRIDE=${ENGINE_OVERRIDE}"
  echo "ENGINE_PID=$(engine_pid)"
  echo "ENGINE_STATE=${ENGINE_STATE}"
  echo "STORAGE_DRIVER=$(docker info --format '{{.Driver}}')"
  echo "COMPOSE_VERSION=$(docker compose version --short)"
}

main "$@"
