"""The DataStax Python driver (Debian's python3-cassandra), a Cassandra client infra-verify did not
write, as a user would run it against the secure twin. Settings come from the INFRA_VERIFY_*
environment, never from arguments; INFRA_VERIFY_CASSANDRA_TLS=false tries a plaintext connection.
Prints one JSON object: the node's datacenter, the twin's tables as read from system_schema, and
whether an INSERT was accepted; or {"error": ...}.
"""
import json
import os
import ssl
import warnings

from cassandra.auth import PlainTextAuthProvider
from cassandra.cluster import Cluster
from cassandra.policies import DCAwareRoundRobinPolicy

warnings.simplefilter("ignore")  # the driver's deprecation notices are not under test
host, port = os.environ["INFRA_VERIFY_CASSANDRA_CONTACT_POINTS"].split(",")[0].rsplit(":", 1)
tls = os.environ["INFRA_VERIFY_CASSANDRA_TLS"] == "true"
context = ssl.create_default_context(cafile=os.environ["INFRA_VERIFY_CASSANDRA_CA_FILE"])
cluster = Cluster(
    [host],
    port=int(port),
    ssl_context=context if tls else None,
    auth_provider=PlainTextAuthProvider(
        os.environ["INFRA_VERIFY_CASSANDRA_USERNAME"], os.environ["INFRA_VERIFY_CASSANDRA_PASSWORD"]
    ),
    load_balancing_policy=DCAwareRoundRobinPolicy(local_dc="eu-west-1"),
    protocol_version=5,
    connect_timeout=10,
)
result = {}
try:
    session = cluster.connect()
    result["datacenter"] = session.execute("SELECT data_center FROM system.local").one().data_center
    tables = session.execute("SELECT keyspace_name, table_name FROM system_schema.tables WHERE keyspace_name = 'twitch_chat'")
    result["tables"] = sorted(f"{row.keyspace_name}.{row.table_name}" for row in tables)
    try:
        session.execute(
            "INSERT INTO twitch_chat.raw_chat_messages (channel_id, timestamp, message_id, message)"
            " VALUES ('secure-twin', 1, uuid(), 'probe') USING TTL 60"
        )
        result["insert"] = "ok"
    except Exception as error:  # the server's refusal is the answer under test
        result["insert"] = f"{type(error).__name__}: {error}"
except Exception as error:
    result["error"] = f"{type(error).__name__}: {error}"
finally:
    cluster.shutdown()
print(json.dumps(result))
