"""kafka-python (Debian's python3-kafka), a Kafka client infra-verify did not write, as a user
would run it against the secure twin. Settings come from the INFRA_VERIFY_* environment (the
twin's client.env or readonly.env), never from arguments. Prints one JSON object:
{"topics": [...]} and, with "produce", {"produce": "ok" | "<error class>"}; or {"error": ...}.
"""
import json
import logging
import os
import sys
import traceback

from kafka import KafkaConsumer, KafkaProducer

# kafka-python 2.0 speaks SCRAM unframed: the broker answers a refused login by closing the
# connection, which kafka-python logs from its SCRAM step before giving up with NoBrokersAvailable.
refusals = []


class Refusals(logging.Handler):
    def emit(self, record):
        trace = "".join(traceback.format_exception(*record.exc_info)) if record.exc_info else ""
        if "_try_authenticate_scram" in trace:
            refusals.append("the broker closed the connection during the SCRAM-SHA-512 login")


logging.getLogger("kafka").addHandler(Refusals())
logging.getLogger("kafka").setLevel(logging.ERROR)

settings = dict(
    bootstrap_servers=os.environ["INFRA_VERIFY_KAFKA_BROKERS"],
    security_protocol=os.environ["INFRA_VERIFY_KAFKA_SECURITY_PROTOCOL"],
    sasl_mechanism=os.environ["INFRA_VERIFY_KAFKA_SASL_MECHANISM"],
    sasl_plain_username=os.environ["INFRA_VERIFY_KAFKA_USERNAME"],
    sasl_plain_password=os.environ["INFRA_VERIFY_KAFKA_PASSWORD"],
    ssl_cafile=os.environ["INFRA_VERIFY_KAFKA_CA_FILE"],
    request_timeout_ms=15000,
    api_version_auto_timeout_ms=10000,
)
result = {}
try:
    consumer = KafkaConsumer(**settings)
    result["topics"] = sorted(consumer.topics())
    consumer.close()
    if "produce" in sys.argv[1:]:
        producer = KafkaProducer(max_block_ms=10000, **settings)
        try:
            producer.send("channel-stats", key=b"secure-twin", value=b"probe").get(timeout=10)
            result["produce"] = "ok"
        except Exception as error:  # the broker's refusal is the answer under test
            result["produce"] = type(error).__name__
        finally:
            producer.close(timeout=5)
except Exception as error:
    result["error"] = " ".join([f"{type(error).__name__}: {error}", *refusals[:1]])
print(json.dumps(result))
