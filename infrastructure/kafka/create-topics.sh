#!/usr/bin/env bash
# Creates the ChatBattle topics. kafka-init runs this on every `docker compose up`, and the
# local twin runs the same file, so it must be idempotent: --if-not-exists.
#
#   KAFKA_TOPICS       the kafka-topics command (default: kafka-topics, as in the cp-kafka image;
#                      the twin passes scripts/twin/kafka-topics)
#   BOOTSTRAP_SERVER   the broker to talk to (default: kafka:29092, the in-network listener)
#   REPLICATION_FACTOR copies of each partition (default: 1, the single broker; the cluster twin: 3)
#   MIN_INSYNC_REPLICAS set min.insync.replicas on each topic when given (the cluster twin: 2)
set -euo pipefail

KAFKA_TOPICS="${KAFKA_TOPICS:-kafka-topics}"
BOOTSTRAP_SERVER="${BOOTSTRAP_SERVER:-kafka:29092}"
REPLICATION_FACTOR="${REPLICATION_FACTOR:-1}"
cluster_configs=()
if [[ -n "${MIN_INSYNC_REPLICAS:-}" ]]; then
  cluster_configs=(--config "min.insync.replicas=${MIN_INSYNC_REPLICAS}")
fi

create_topic() {
  local topic=$1
  shift
  echo "Creating topic ${topic} (if it does not exist)"
  "${KAFKA_TOPICS}" --bootstrap-server "${BOOTSTRAP_SERVER}" --create --if-not-exists \
    --topic "${topic}" --partitions 3 --replication-factor "${REPLICATION_FACTOR}" "${cluster_configs[@]}" "$@"
}

# Raw chat, kept for 7 days (set on the topic so it survives broker default changes).
create_topic twitch-chat-messages --config retention.ms=604800000
# Latest statistics per channel: compaction keeps the last value of each key.
create_topic channel-stats --config cleanup.policy=compact

echo "Topics ready"
