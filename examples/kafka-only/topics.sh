#!/usr/bin/env bash
# Creates the topics; idempotent (--if-not-exists), as an init runs on every `up`.
set -euo pipefail
topic() {
  kafka-topics --bootstrap-server "${BOOTSTRAP}" --create --if-not-exists --topic "$1" "${@:2}"
}
topic events --partitions 6 --replication-factor 1 --config retention.ms=86400000
topic events-dlq --partitions 1 --replication-factor 1 --config cleanup.policy=compact
