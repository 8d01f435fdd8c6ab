#!/usr/bin/env bash
# npm run engine:down — stops this checkout's private engine (engine/up.sh) and leaves no process
# and no mount of it behind. Images, volumes and caches stay in .engine/ for the next engine:up;
# `rm -rf .engine` after this removes them too. Never touches another engine.
set -euo pipefail
# shellcheck source=engine/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# dockerd stops its containers (each within its stop timeout) and its containerd on SIGTERM.
readonly STOP_SECONDS=90

# Gone, or a zombie: dead, waiting only for its parent to reap it.
running() {
  local state
  state="$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" && [[ "${state}" != Z ]]
}

wait_gone() {
  local pid=$1 seconds=$2 waited=0
  while running "${pid}"; do
    ((waited++ < seconds * 2)) || return 1
    sleep 0.5
  done
}

# The engine's daemons and everything under them: the docker-proxy processes that hold the
# published ports (children of dockerd) and the containers' processes (children of the shims).
engine_tree() {
  local pid
  for pid in "$@"; do
    echo "${pid}"
    # shellcheck disable=SC2046 # one pid per word
    engine_tree $(ps -o pid= --ppid "${pid}")
  done
}

main() {
  local reason pid
  reason="$(engine_unsupported)"
  [[ -z "${reason}" ]] || fail "${reason}"
  local leftovers=()
  if pid="$(engine_pid)"; then
    say "stopping dockerd (pid ${pid})"
    # Taken before the stop: should dockerd die uncleanly, its docker-proxy children outlive it.
    mapfile -t leftovers < <(engine_tree "${pid}")
    kill -TERM "${pid}"
    wait_gone "${pid}" "${STOP_SECONDS}" || say "dockerd did not stop within ${STOP_SECONDS} s; killing what is left"
  fi
  # shellcheck disable=SC2046 # one pid per word
  mapfile -t -O "${#leftovers[@]}" leftovers < <(engine_tree $(engine_processes))
  mapfile -t leftovers < <(for pid in "${leftovers[@]}"; do running "${pid}" && echo "${pid}"; done)
  if ((${#leftovers[@]} > 0)); then
    say "killing leftover processes of this engine: ${leftovers[*]}"
    kill -KILL "${leftovers[@]}" 2>/dev/null || true
    for pid in "${leftovers[@]}"; do wait_gone "${pid}" 10 || fail "process ${pid} survived SIGKILL"; done
  fi
  local mount
  # deepest first, so a mount inside another is gone before its parent
  while IFS= read -r mount; do
    umount "${mount}" 2>/dev/null || umount --lazy "${mount}"
  done < <(engine_mounts | sort -r)
  rm -f "${ENGINE_PIDFILE}" "${ENGINE_SOCKET}"
  [[ -z "$(engine_processes)" ]] || fail "processes of this engine are still running: $(engine_processes | paste -sd' ')"
  [[ -z "$(engine_mounts)" ]] || fail "mounts of this engine remain: $(engine_mounts | paste -sd' ')"
  say "stopped; no process and no mount of this engine remain"
}

main "$@"
