#!/usr/bin/env bash
# Creates the ChatBattle topics. kafka-init runs this on every `docker compose up`, and the
# local twin runs the same file, so it must be idempotent: --if-not-exists.
#
#   KAFKA_TOPICS       the kafka-topics command (default: kafka-topics, as in the cp-kafka image;
#                      the twin passes scripts/twin/kafka-topics)
#   BOOTSTRAP_SERVER   the broker to talk to (default: kafka:29092, the in-network listener)
set -euo pipefail

KAFKA_TOPICS="${KAFKA_TOPICS:-kafka-topics}"
BOOTSTRAP_SERVER="${BOOTSTRAP_SERVER:-kafka:29092}"

create_topic() {
  local topic=$1
  shift
  echo "Creating topic ${topic} (if it does not exist)"
  "${KAFKA_TOPICS}" --bootstrap-server "${BOOTSTRAP_SERVER}" --create --if-not-exists \
    --topic "${topic}" --partitions 3 --replication-factor 1 "$@"
}

# Raw chat, kept for 7 days (set on the topic so it survives broker default changes).
create_topic twitch-chat-messages --config retention.ms=604800000
# Latest statistics per channel: compaction keeps the last value of each key.
create_topic channel-stats --config cleanup.policy=compact

echo "Topics ready"
