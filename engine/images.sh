#!/usr/bin/env bash
# Sourced by engine/up.sh (after lib.sh): builds the local images that stand in for the pinned
# ones, with no registry. Three cached steps, each keyed by a hash of its inputs:
#   base   debootstrap'd Debian with a JRE 17 and python3-cassandra, kept as a tar in the cache
#          (minutes to make, so it survives a wiped data root and a fresh clone), `docker import`ed
#   jars   the local twin's Maven Central jars at the .env versions (twin/pom.xml)
#   images FROM the base with the jars and engine/images/*, tagged as the override file names
#          them, and kept as a `docker save` tar that a fresh data root loads
# The cache (ENGINE_CACHE, lib.sh) is outside the checkout and shared by every clone on the
# machine; up.sh holds its lock while these run.

readonly BASE_SUITE=bookworm
readonly BASE_MIRROR=http://deb.debian.org/debian
readonly INPUTS_LABEL=org.infra-verify.inputs

# A short hash of the given strings and files' contents.
inputs_key() {
  local input
  for input in "$@"; do
    if [[ -f "${input}" ]]; then cat "${input}"; else echo "${input}"; fi
  done | sha256sum | cut -c1-16
}

env_value() {
  local value
  value="$(grep -E "^$1=" "${ENGINE_REPO}/.env" | tail -n 1 | cut -d= -f2-)"
  [[ -n "${value}" ]] || fail "${ENGINE_REPO}/.env has no $1=...; add it (it pins the images and the twin's jars)"
  echo "${value}"
}

base_packages() {
  grep -v -e '^#' -e '^$' "${ENGINE_REPO}/engine/images/base-packages" | paste -sd, -
}

# Two stages with a real /proc for the second: on a host with /.dockerenv, a one-stage debootstrap
# takes itself to be inside docker and gives the target a /proc symlink, on which the JRE's
# configure step fails ("the java command requires a mounted proc fs").
make_rootfs() {
  local rootfs=$1 packages=$2 status=0
  debootstrap --foreign --variant=minbase "--include=${packages}" "${BASE_SUITE}" "${rootfs}" \
    "${BASE_MIRROR}" || return
  # The first stage left /proc as a symlink to the host's /proc: mounting on it would mount
  # over the host's. A plain directory takes its place.
  if [[ -L "${rootfs}/proc" ]]; then
    rm "${rootfs}/proc"
    mkdir "${rootfs}/proc"
  fi
  mount -t proc proc "${rootfs}/proc" || return
  chroot "${rootfs}" /debootstrap/debootstrap --second-stage || status=$?
  # debootstrap may have unmounted it already
  umount "${rootfs}/proc" 2>/dev/null || true
  return "${status}"
}

# The base image's tag, named by the hash of its inputs.
base_tag() {
  echo "infra-verify-local/base:$(inputs_key "${BASE_SUITE}" "${BASE_MIRROR}" minbase "$(base_packages)")"
}

# Imports (and first makes) the base when the engine does not have it.
ensure_base() {
  local packages key tag tar rootfs
  packages="$(base_packages)"
  tag="$(base_tag)"
  key="${tag##*:}"
  docker image inspect "${tag}" >/dev/null 2>&1 && return 0
  tar="${ENGINE_CACHE}/base-${key}.tar"
  if [[ ! -f "${tar}" ]]; then
    rootfs="${ENGINE_CACHE}/rootfs-${key}"
    # a run killed during the second stage may have left its /proc mounted
    umount "${rootfs}/proc" 2>/dev/null || true
    rm -rf --one-file-system "${rootfs}"
    mkdir -p "${ENGINE_CACHE}" "${ENGINE_LOGS}"
    say "making the base with debootstrap (${BASE_SUITE}, ${packages}); takes minutes, once"
    make_rootfs "${rootfs}" "${packages}" >"${ENGINE_LOGS}/debootstrap.log" 2>&1 || {
      tail -n 20 "${ENGINE_LOGS}/debootstrap.log" >&2
      fail "debootstrap failed; its log is above and in ${ENGINE_LOGS}/debootstrap.log"
    }
    rm -rf "${rootfs}"/var/cache/apt/archives/*.deb "${rootfs}"/var/lib/apt/lists/*
    tar --numeric-owner -C "${rootfs}" -cf "${tar}.partial" .
    mv "${tar}.partial" "${tar}"
    rm -rf --one-file-system "${rootfs}"
    # older bases are of no further use
    find "${ENGINE_CACHE}" -maxdepth 1 -name 'base-*.tar' ! -name "base-${key}.tar" -delete
  fi
  say "importing the base into the engine"
  docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
    "${tar}" "${tag}" >/dev/null
}

# The folder for the kafka/ and cassandra/ jar folders, named by the hash of their inputs.
jars_dir() {
  local pom="${ENGINE_REPO}/twin/pom.xml"
  echo "${ENGINE_BUILD}/jars-$(inputs_key "$(env_value KAFKA_VERSION)" "$(env_value ZOOKEEPER_VERSION)" \
    "$(env_value CASSANDRA_VERSION)" "${pom}")"
}

# Fetches the jars into jars_dir with mvn when they are not there.
ensure_jars() {
  local kafka zookeeper cassandra pom key dir profile
  kafka="$(env_value KAFKA_VERSION)"
  zookeeper="$(env_value ZOOKEEPER_VERSION)"
  cassandra="$(env_value CASSANDRA_VERSION)"
  pom="${ENGINE_REPO}/twin/pom.xml"
  dir="$(jars_dir)"
  key="${dir##*/jars-}"
  if [[ ! -d "${dir}" ]]; then
    say "fetching jars with mvn: Kafka ${kafka}, ZooKeeper ${zookeeper}, Cassandra ${cassandra}"
    rm -rf "${dir}.partial"
    for profile in kafka cassandra; do
      mvn -q -B -Dstyle.color=never -f "${pom}" -P "${profile}" dependency:copy-dependencies \
        -DincludeScope=runtime "-DoutputDirectory=${dir}.partial/${profile}" \
        "-Dkafka.version=${kafka}" "-Dzookeeper.version=${zookeeper}" \
        "-Dcassandra.version=${cassandra}" >"${ENGINE_LOGS}/mvn.log" 2>&1 || {
        tail -n 20 "${ENGINE_LOGS}/mvn.log" >&2
        fail "mvn could not fetch the ${profile} jars (log above); check that Maven Central is reachable"
      }
    done
    find "${ENGINE_BUILD}" -maxdepth 1 -name 'jars-*' ! -name "jars-${key}*" -exec rm -rf {} +
    mv "${dir}.partial" "${dir}"
  fi
}

# True when the image exists and was built from exactly these inputs.
image_is_current() {
  [[ "$(docker image inspect --format "{{ index .Config.Labels \"${INPUTS_LABEL}\" }}" "$1" 2>/dev/null)" == "$2" ]]
}

# images_are_current INPUTS TAG...
images_are_current() {
  local inputs=$1 tag
  shift
  for tag in "$@"; do image_is_current "${tag}" "${inputs}" || return 1; done
}

# build_image CONTEXT BASE INPUTS TAG [TARGET]
build_image() {
  local context=$1 base=$2 inputs=$3 tag=$4 target=${5:-}
  say "building ${tag}"
  # The log keeps the legacy builder's deprecation banner off the terminal, and shows it all on failure.
  docker build --network=none --build-arg "BASE=${base}" --label "${INPUTS_LABEL}=${inputs}" \
    ${target:+--target "${target}"} --tag "${tag}" "${context}" >"${ENGINE_LOGS}/build.log" 2>&1 || {
    tail -n 20 "${ENGINE_LOGS}/build.log" >&2
    fail "building ${tag} failed; the log is above and in ${ENGINE_LOGS}/build.log"
  }
}

ensure_images() {
  local confluent cassandra_version base jars images context inputs
  confluent="$(env_value CONFLUENT_VERSION)"
  cassandra_version="$(env_value CASSANDRA_VERSION)"
  local zookeeper_tag="infra-verify-local/cp-zookeeper:${confluent}"
  local kafka_tag="infra-verify-local/cp-kafka:${confluent}"
  local cassandra_tag="infra-verify-local/cassandra:${cassandra_version}"
  base="$(base_tag)"
  jars="$(jars_dir)"
  images="${ENGINE_REPO}/engine/images"
  local files
  mapfile -t files < <(find "${images}" "${ENGINE_REPO}/twin/conf" -type f | LC_ALL=C sort)
  local tags=("${zookeeper_tag}" "${kafka_tag}" "${cassandra_tag}")
  inputs="$(inputs_key "${base}" "${jars##*/}" "${files[@]}")"
  images_are_current "${inputs}" "${tags[@]}" && return 0
  # A fresh data root (a new clone) loads the images built from these inputs before, in seconds.
  local saved="${ENGINE_CACHE}/images-${inputs}.tar"
  if [[ -f "${saved}" ]]; then
    say "loading the local images from ${saved}"
    docker load --quiet --input "${saved}" >/dev/null || fail "docker load of ${saved} failed; remove it to rebuild"
    images_are_current "${inputs}" "${tags[@]}" && return 0
  fi
  ensure_base
  ensure_jars
  # Build contexts hold hard links to the jars, so assembling them copies nothing.
  context="${ENGINE_BUILD}/context"
  rm -rf "${context}"
  # the images these builds replaced
  docker image prune --force >/dev/null
  mkdir -p "${context}"
  cp -a "${images}/kafka" "${images}/cassandra" "${context}/"
  cp -al "${jars}/kafka" "${context}/kafka/lib"
  cp -al "${jars}/cassandra" "${context}/cassandra/lib"
  mkdir -p "${context}/kafka/conf"
  cp "${ENGINE_REPO}/twin/conf/log4j.properties" "${ENGINE_REPO}/twin/conf/tools-log4j.properties" \
    "${context}/kafka/conf/"
  cp "${ENGINE_REPO}/twin/conf/logback.xml" "${context}/cassandra/conf/"
  build_image "${context}/kafka" "${base}" "${inputs}" "${zookeeper_tag}" zookeeper
  build_image "${context}/kafka" "${base}" "${inputs}" "${kafka_tag}" kafka
  build_image "${context}/cassandra" "${base}" "${inputs}" "${cassandra_tag}"
  rm -rf "${context}"
  # the images these builds replaced
  docker image prune --force >/dev/null
  say "saving the local images to ${saved}"
  docker save --output "${saved}.partial" "${tags[@]}"
  mv "${saved}.partial" "${saved}"
  find "${ENGINE_CACHE}" -maxdepth 1 -name 'images-*.tar' ! -name "images-${inputs}.tar" -delete
}
