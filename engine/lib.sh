#!/usr/bin/env bash
# Shared by engine/up.sh and engine/down.sh: where this checkout's private Docker engine keeps
# everything, and how to tell its processes from any other engine's on the machine.
# shellcheck disable=SC2034 # the paths are used by the scripts that source this file

ENGINE_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Everything lives here, git-ignored: socket, pidfile, data root, exec root, caches, logs.
ENGINE_STATE="${ENGINE_REPO}/.engine"
ENGINE_RUN="${ENGINE_STATE}/run"
ENGINE_SOCKET="${ENGINE_RUN}/docker.sock"
ENGINE_PIDFILE="${ENGINE_RUN}/dockerd.pid"
ENGINE_DATA="${ENGINE_STATE}/data"
ENGINE_EXEC="${ENGINE_STATE}/exec"
ENGINE_LOGS="${ENGINE_STATE}/logs"
# What takes minutes to make (the debootstrap'd base, the Maven Central jars, the built images as
# a `docker save` tar, the compose plugin) is kept outside the checkout, keyed by a hash of its
# inputs, so a fresh clone (CI) loads it instead of making it again. INFRA_VERIFY_ENGINE_CACHE
# moves it; `rm -rf` of that folder starts from nothing.
ENGINE_CACHE="${INFRA_VERIFY_ENGINE_CACHE:-/var/cache/infra-verify-engine}"
ENGINE_BUILD="${ENGINE_CACHE}/build"
# DOCKER_CONFIG for the CLI: holds cli-plugins/docker-compose, and no credentials of anyone's.
ENGINE_DOCKER_CONFIG="${ENGINE_STATE}/docker-config"
ENGINE_OVERRIDE="${ENGINE_REPO}/engine/compose.local-images.yml"

export DOCKER_HOST="unix://${ENGINE_SOCKET}"
export DOCKER_CONFIG="${ENGINE_DOCKER_CONFIG}"
# The legacy builder: the CLI's BuildKit path needs the buildx plugin, which is not installed.
export DOCKER_BUILDKIT=0

say() { echo "engine: $*" >&2; }
fail() {
  say "$*"
  exit 1
}

# One line on why no engine can be started here, or nothing.
engine_unsupported() {
  local system
  system="$(uname -s)"
  if [[ "${system}" != Linux ]]; then
    echo "a private Docker engine needs Linux, and this is ${system}"
  elif ((EUID != 0)); then
    echo "a private Docker engine needs root (dockerd manages mounts, namespaces and iptables); run as root"
  fi
}

# The pid of this checkout's dockerd, if it runs: the pidfile's process must be a dockerd whose
# command line names our socket, so a reused pid or another engine is never taken for ours.
engine_pid() {
  local pid
  [[ -f "${ENGINE_PIDFILE}" ]] || return 1
  pid="$(<"${ENGINE_PIDFILE}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  grep -qsF -- "unix://${ENGINE_SOCKET}" "/proc/${pid}/cmdline" || return 1
  echo "${pid}"
}

# This engine's own daemons: dockerd, the containerd it supervises and the shims, which all name
# the engine's state on their command line. Only these programs count, so a shell that merely
# mentions the path is never taken for part of the engine.
engine_processes() {
  local file program
  while IFS= read -r file; do
    program="$({ tr '\0' '\n' <"${file}" | head -n 1; } 2>/dev/null)" || continue
    case "${program##*/}" in
      dockerd | containerd | containerd-shim*) file="${file#/proc/}" && echo "${file%/cmdline}" ;;
    esac
  done < <(grep -lsF -- "${ENGINE_STATE}/" /proc/[0-9]*/cmdline)
  return 0
}

# Mount points under the engine state (container root filesystems, network namespaces).
engine_mounts() {
  awk -v prefix="${ENGINE_STATE}/" 'index($5, prefix) == 1 { print $5 }' /proc/self/mountinfo
}
