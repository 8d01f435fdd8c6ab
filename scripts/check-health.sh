#!/usr/bin/env bash
# Prints the seed's step-4 health lines with ✅/❌ and exits non-zero on any ❌.
# Works against the compose stack (docker exec into the containers) and the local twin.
set -uo pipefail
# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

mode="$(infra_mode)"
failures=0

report() {
  local indent=$1 label=$2
  shift 2
  if "$@" >/dev/null 2>&1; then
    echo "${indent}✅ ${label}"
  else
    echo "${indent}❌ ${label}"
    failures=$((failures + 1))
  fi
}

# --- compose: the containers' own healthchecks, and the tools inside the images ---
container_healthy() {
  [[ "$(docker inspect -f '{{.State.Health.Status}}' "$1" 2>/dev/null)" == "healthy" ]]
}
compose_topic_exists() {
  docker exec chatbattle-kafka kafka-topics --bootstrap-server localhost:9092 --list | grep -qx "$1"
}
compose_cql_finds() {
  docker exec chatbattle-cassandra cqlsh -e "$1" | grep -q "(1 rows)"
}

# --- twin: the same questions over the real protocols on 127.0.0.1 ---
twin_zookeeper_healthy() {
  local answer
  exec 3<>"/dev/tcp/127.0.0.1/${TWIN_ZOOKEEPER_PORT}" || return 1
  printf 'srvr' >&3
  answer="$(cat <&3)"
  exec 3<&-
  grep -q '^Mode: ' <<<"${answer}"
}
twin_kafka_topics() {
  # kafka-topics waits 60 s for a broker that is not there; a closed port needs no waiting.
  (: <>"/dev/tcp/127.0.0.1/${TWIN_KAFKA_PORT}") 2>/dev/null || return 1
  "${REPO_ROOT}/scripts/twin/kafka-topics" --bootstrap-server "127.0.0.1:${TWIN_KAFKA_PORT}" --list
}
twin_topic_exists() {
  grep -qx "$1" <<<"${twin_topics}"
}
twin_cql_finds() {
  infra_verify cql --contact-points "127.0.0.1:${TWIN_CASSANDRA_PORT}" -e "$1" | grep -q "(1 rows)"
}

keyspace_query="SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = 'twitch_chat';"
table_query="SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'twitch_chat' AND table_name = 'raw_chat_messages';"
release_query="SELECT release_version FROM system.local;"

echo "Checking ChatBattle infrastructure health (${mode})"
case "${mode}" in
  compose)
    report "" "Zookeeper is healthy" container_healthy chatbattle-zookeeper
    report "" "Kafka is healthy" container_healthy chatbattle-kafka
    report "  " "twitch-chat-messages topic exists" compose_topic_exists twitch-chat-messages
    report "  " "channel-stats topic exists" compose_topic_exists channel-stats
    report "" "Cassandra is healthy" container_healthy chatbattle-cassandra
    report "  " "twitch_chat keyspace exists" compose_cql_finds "${keyspace_query}"
    report "  " "raw_chat_messages table exists" compose_cql_finds "${table_query}"
    ;;
  twin)
    report "" "Zookeeper is healthy" twin_zookeeper_healthy
    # One kafka-topics run (a JVM start) answers both "healthy" and "which topics".
    twin_topics="$(twin_kafka_topics 2>/dev/null)" && kafka_answered=true || kafka_answered=false
    report "" "Kafka is healthy" "${kafka_answered}"
    report "  " "twitch-chat-messages topic exists" twin_topic_exists twitch-chat-messages
    report "  " "channel-stats topic exists" twin_topic_exists channel-stats
    report "" "Cassandra is healthy" twin_cql_finds "${release_query}"
    report "  " "twitch_chat keyspace exists" twin_cql_finds "${keyspace_query}"
    report "  " "raw_chat_messages table exists" twin_cql_finds "${table_query}"
    ;;
  *)
    echo "INFRA_MODE must be compose or twin, not '${mode}'" >&2
    exit 2
    ;;
esac

if ((failures > 0)); then
  echo "${failures} check(s) failed"
  exit 1
fi
echo "All services are healthy"
