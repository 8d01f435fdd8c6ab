#!/usr/bin/env bash
# engine/install-compose.sh PLUGIN_DIR — puts the compose v2 CLI plugin at PLUGIN_DIR/docker-compose
# (a DOCKER_CONFIG's cli-plugins folder), so `docker compose` answers. No engine is needed for
# that: `docker compose config` resolves a project without a daemon, which is how static mode
# reads compose files. Used by engine/up.sh (the private engine) and .ci/run.
# Compose v2 is not packaged for this Debian release; the next release's docker-compose package
# is the Go compose v2, which works as a CLI plugin. apt fetches it through a one-off sources
# list, lists dir and cache, so the machine's own apt configuration stays as it was. The binary
# is kept in the engine's cache outside the clone (engine/lib.sh), so it is fetched once.
set -euo pipefail
# shellcheck source=engine/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# fetch_compose_plugin DESTINATION
fetch_compose_plugin() {
  local apt_dir="${ENGINE_CACHE}/apt"
  rm -rf "${apt_dir}"
  mkdir -p "${apt_dir}/lists/partial" "${apt_dir}/cache/archives/partial" "${apt_dir}/deb"
  echo "deb http://deb.debian.org/debian trixie main" >"${apt_dir}/sources.list"
  local options=(
    -o "Dir::Etc::sourcelist=${apt_dir}/sources.list"
    -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=${apt_dir}/lists"
    -o "Dir::Cache=${apt_dir}/cache"
    -o "APT::Get::List-Cleanup=0"
    # root fetches into folders that apt's unprivileged _apt user cannot write
    -o "APT::Sandbox::User=root"
  )
  say "fetching the compose v2 plugin (Debian trixie's docker-compose package)"
  apt-get "${options[@]}" update -qq
  (cd "${apt_dir}/deb" && apt-get "${options[@]}" download -qq docker-compose)
  local deb
  deb="$(find "${apt_dir}/deb" -name 'docker-compose_*.deb' | head -n 1)"
  [[ -n "${deb}" ]] || fail "apt-get download docker-compose fetched no package"
  dpkg-deb -x "${deb}" "${apt_dir}/unpacked"
  mkdir -p "$(dirname "$1")"
  install -m 0755 "${apt_dir}/unpacked/usr/libexec/docker/cli-plugins/docker-compose" "$1"
  rm -rf "${apt_dir}"
}

main() {
  local plugin="${1:?usage: engine/install-compose.sh PLUGIN_DIR}/docker-compose"
  local cached="${ENGINE_CACHE}/compose/docker-compose"
  [[ -x "${plugin}" ]] && return 0
  [[ -x "${cached}" ]] || fetch_compose_plugin "${cached}"
  mkdir -p "$(dirname "${plugin}")"
  install -m 0755 "${cached}" "${plugin}"
}

main "$@"
