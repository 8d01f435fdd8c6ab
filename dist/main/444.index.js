"use strict";
exports.id = 444;
exports.ids = [444];
exports.modules = {

/***/ 8444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  probeObserver: () => (/* binding */ probeObserver)
});

// EXTERNAL MODULE: ../../src/model/observe.ts
var observe = __webpack_require__(11247);
// EXTERNAL MODULE: ../../src/model/runtime.ts
var model_runtime = __webpack_require__(36507);
// EXTERNAL MODULE: ../../src/protocol/cassandra.ts
var protocol_cassandra = __webpack_require__(44596);
// EXTERNAL MODULE: ../../src/protocol/connection-failure.ts
var connection_failure = __webpack_require__(5111);
;// CONCATENATED MODULE: ../../src/protocol/denied.ts
// A call the principal may not make, as one line naming the permission an operator grants
// ("not authorized: DescribeConfigs on topic channel-stats"), instead of a driver's error code.

class NotAuthorized extends Error {
    constructor(permission) {
        super(`not authorized: ${permission}`);
        this.name = 'NotAuthorized';
    }
}
/** kafkajs's authorization errors, by the kind of resource they are about. */
const KAFKA_DENIALS = {
    TOPIC_AUTHORIZATION_FAILED: 'topic',
    GROUP_AUTHORIZATION_FAILED: 'group',
    CLUSTER_AUTHORIZATION_FAILED: 'cluster',
};
/** Which kind of Kafka resource the error says was denied, if it is a denial. */
function kafkaDenial(error) {
    for (const cause of (0,connection_failure/* causes */.ps)(error)) {
        const type = typeof cause.type === 'string' ? cause.type : '';
        if (type in KAFKA_DENIALS)
            return KAFKA_DENIALS[type];
    }
    return undefined;
}
/**
 * The broker names neither the operation nor the resource, so the caller says what it asked
 * for, per kind of resource: `{ topic: 'Write on topic chat' }`.
 */
function kafkaNotAuthorized(error, asked) {
    const denied = kafkaDenial(error);
    const permission = denied && asked[denied];
    return permission ? new NotAuthorized(permission) : error;
}
/** Cassandra names all of it: "User ro has no MODIFY permission on <table ks.t> or any of its parents". */
const CASSANDRA_DENIAL = /User (\S+) has no (\w+) permission on <(\w+) ([^>]+)>/;
function cassandraNotAuthorized(error) {
    for (const cause of (0,connection_failure/* causes */.ps)(error)) {
        const match = CASSANDRA_DENIAL.exec(typeof cause.message === 'string' ? cause.message : '');
        if (match)
            return new NotAuthorized(`${match[2]} on ${match[3]} ${match[4]} (user ${match[1]})`);
    }
    return error;
}
/** Runs a Kafka call, turning a denial into the permission it lacked. */
async function askingKafka(call, asked) {
    try {
        return await call();
    }
    catch (error) {
        throw kafkaNotAuthorized(error, asked);
    }
}
/** Runs a Cassandra call, turning a denial into the permission it lacked. */
async function askingCassandra(call) {
    try {
        return await call();
    }
    catch (error) {
        throw cassandraNotAuthorized(error);
    }
}

// EXTERNAL MODULE: ../../src/protocol/zookeeper.ts
var protocol_zookeeper = __webpack_require__(68092);
// EXTERNAL MODULE: ../../src/spec/probe-target.ts
var probe_target = __webpack_require__(82929);
// EXTERNAL MODULE: ../../node_modules/cassandra-driver/index.js
var cassandra_driver = __webpack_require__(3971);
;// CONCATENATED MODULE: ../../src/probes/cassandra.ts
// Reads the live Cassandra schema from system_schema (plain strings, no driver metadata cache
// that lags DDL) and round-trips probe rows (prepared, so the table's types drive encoding).

/** Probe rows live in this partition only, so they never mix with real data. */
const PROBE_PARTITION = '__infra_verify_probe';
const SYSTEM_KEYSPACES = new Set([
    'system',
    'system_auth',
    'system_distributed',
    'system_schema',
    'system_traces',
    'system_views',
    'system_virtual_schema',
]);
const EXPIRY_TTL_SECONDS = 2;
const EXPIRY_POLL_MS = 250;
/** Cassandra drops an expired cell on read, but the clock has one-second resolution. */
const EXPIRY_DEADLINE_MS = (EXPIRY_TTL_SECONDS + 8) * 1000;
function compareColumns(a, b) {
    const order = { partition_key: 0, clustering: 1, static: 2, regular: 3 };
    return order[a.kind] - order[b.kind] || a.position - b.position || a.name.localeCompare(b.name);
}
/** Rows per page of a schema read: a few pages at most, even for thousands of tables. */
const SCHEMA_PAGE_ROWS = 5000;
/** Every row of a query, page after page: `execute` alone returns only the first page, so a
 * schema of more than a page of columns would silently lose tables' columns. */
async function allRows(client, query) {
    const rows = [];
    let pageState;
    do {
        const page = await client.execute(query, [], {
            fetchSize: SCHEMA_PAGE_ROWS,
            ...(pageState ? { pageState } : {}),
        });
        rows.push(...page.rows);
        pageState = page.pageState ?? undefined;
    } while (pageState);
    return rows;
}
/** Every user keyspace with its replication, tables, columns, TTL and compaction: one read of
 * each schema table, whatever the number of tables (a request per table would not scale). */
async function observeSchema(client) {
    const [keyspaces, tables, columns] = await Promise.all([
        allRows(client, 'SELECT keyspace_name, replication FROM system_schema.keyspaces'),
        allRows(client, 'SELECT keyspace_name, table_name, default_time_to_live, compaction FROM system_schema.tables'),
        allRows(client, 'SELECT keyspace_name, table_name, column_name, type, kind, position, clustering_order FROM system_schema.columns'),
    ]);
    const observed = {};
    for (const row of keyspaces) {
        const name = row['keyspace_name'];
        if (SYSTEM_KEYSPACES.has(name))
            continue;
        observed[name] = { name, replication: { ...row['replication'] }, tables: {} };
    }
    for (const row of tables) {
        const keyspace = observed[row['keyspace_name']];
        if (!keyspace)
            continue;
        const name = row['table_name'];
        keyspace.tables[name] = {
            name,
            columns: [],
            defaultTtl: row['default_time_to_live'],
            compaction: { ...row['compaction'] },
        };
    }
    for (const row of columns) {
        const table = observed[row['keyspace_name']]?.tables[row['table_name']];
        if (!table)
            continue;
        table.columns.push({
            name: row['column_name'],
            type: row['type'],
            kind: row['kind'],
            position: row['position'],
            clusteringOrder: row['clustering_order'],
        });
    }
    for (const keyspace of Object.values(observed)) {
        for (const table of Object.values(keyspace.tables))
            table.columns.sort(compareColumns);
    }
    return observed;
}
/** A value for a key column of this type; probe keys must be unique per row written. */
function keyValue(column, sequence) {
    switch (column.type) {
        case 'text':
        case 'varchar':
        case 'ascii':
            return column.kind === 'partition_key' ? PROBE_PARTITION : `${PROBE_PARTITION}:${sequence}`;
        case 'bigint':
            return cassandra_driver.types.Long.fromNumber(Date.now() * 1000 + sequence);
        case 'int':
            return sequence;
        case 'timestamp':
            return new Date(Date.now() + sequence);
        case 'uuid':
            return cassandra_driver.types.Uuid.random();
        case 'timeuuid':
            return cassandra_driver.types.TimeUuid.now();
        default:
            throw new Error(`cannot make a probe value for key column ${column.name} of type ${column.type}; ` +
                'supported key types: text, varchar, ascii, bigint, int, timestamp, uuid, timeuuid');
    }
}
let rowSequence = 0;
/** The row shape to probe with, derived from the live table so that drift cannot break it. */
function probeRow({ keyspace, table, valueColumn }, value) {
    const keys = table.columns.filter((c) => c.kind === 'partition_key' || c.kind === 'clustering');
    rowSequence += 1;
    return {
        keyspace,
        table: table.name,
        keyColumns: keys.map((c) => c.name),
        keyValues: keys.map((c) => keyValue(c, rowSequence)),
        valueColumn,
        value,
    };
}
function quoted(identifier) {
    return `"${identifier.replace(/"/g, '""')}"`;
}
function tableName(row) {
    return `${quoted(row.keyspace)}.${quoted(row.table)}`;
}
function whereKey(row) {
    return row.keyColumns.map((c) => `${quoted(c)} = ?`).join(' AND ');
}
/** The driver's code for each consistency level a spec may name. */
const CONSISTENCY_CODES = {
    ONE: cassandra_driver.types.consistencies.one,
    TWO: cassandra_driver.types.consistencies.two,
    THREE: cassandra_driver.types.consistencies.three,
    QUORUM: cassandra_driver.types.consistencies.quorum,
    ALL: cassandra_driver.types.consistencies.all,
    LOCAL_QUORUM: cassandra_driver.types.consistencies.localQuorum,
    EACH_QUORUM: cassandra_driver.types.consistencies.eachQuorum,
    LOCAL_ONE: cassandra_driver.types.consistencies.localOne,
};
async function insertRow(client, row, ttlSeconds, at = {}) {
    const columns = [...row.keyColumns, row.valueColumn];
    const using = ttlSeconds === undefined ? '' : ` USING TTL ${Math.trunc(ttlSeconds)}`;
    await client.execute(`INSERT INTO ${tableName(row)} (${columns.map(quoted).join(', ')}) VALUES (${columns
        .map(() => '?')
        .join(', ')})${using}`, [...row.keyValues, row.value], 
    // Unprepared JS numbers encode as double; preparing lets the table's types drive encoding.
    { prepare: true, ...at });
}
/** The row's value and the TTL left on it, or null when the row is not there. */
/** What a node answers while it is up but not yet serving reads: just restarted, or overloaded. */
const TRANSIENT = new Set([
    cassandra_driver.types.responseErrorCodes.readTimeout,
    cassandra_driver.types.responseErrorCodes.unavailableException,
    cassandra_driver.types.responseErrorCodes.overloaded,
    cassandra_driver.types.responseErrorCodes.isBootstrapping,
]);
const TRANSIENT_TRIES = 4;
const TRANSIENT_PAUSE_MS = 1000;
/**
 * A read asked again, a few times, while the node answers that it cannot serve it yet. A node
 * that has just restarted takes CQL connections before it serves reads: the persistence marker
 * read once met "Server timeout during read query" on a loaded CI machine.
 */
async function retryingTransient(read, pauseMs = TRANSIENT_PAUSE_MS) {
    for (let attempt = 1;; attempt++) {
        try {
            return await read();
        }
        catch (error) {
            const transient = error instanceof cassandra_driver.errors.ResponseError && TRANSIENT.has(error.code);
            if (!transient || attempt >= TRANSIENT_TRIES)
                throw error;
            await new Promise((resolve) => setTimeout(resolve, pauseMs * attempt));
        }
    }
}
async function readRow(client, row, at = {}) {
    const result = await retryingTransient(() => client.execute(`SELECT ${quoted(row.valueColumn)} AS value, TTL(${quoted(row.valueColumn)}) AS ttl FROM ${tableName(row)} WHERE ${whereKey(row)}`, row.keyValues, { prepare: true, ...at }));
    const found = result.first();
    if (!found)
        return null;
    return { value: found['value'], ttl: found['ttl'] ?? null };
}
async function deleteRow(client, row, at = {}) {
    await client.execute(`DELETE FROM ${tableName(row)} WHERE ${whereKey(row)}`, row.keyValues, {
        prepare: true,
        ...at,
    });
}
async function writeExpiringRow(client, target, at) {
    const row = probeRow(target, 'expiry');
    await insertRow(client, row, EXPIRY_TTL_SECONDS, at);
    return { row, writtenAt: Date.now(), at };
}
/**
 * Seconds from the write until the row was gone, or null if it was still there when the watch
 * (which starts now) ran out. The row is removed either way.
 */
async function secondsUntilGone(client, { row, writtenAt, at }) {
    const watched = Date.now();
    try {
        while (Date.now() - watched < EXPIRY_DEADLINE_MS) {
            if ((await readRow(client, row, at)) === null)
                return (Date.now() - writtenAt) / 1000;
            await new Promise((resolve) => setTimeout(resolve, EXPIRY_POLL_MS));
        }
        return null;
    }
    finally {
        await deleteRow(client, row, at);
    }
}
/** The driver's option for a consistency level. */
function atLevel(consistency) {
    return { consistency: CONSISTENCY_CODES[consistency] };
}
/** Write, read back and TTL-check one probe row (and optionally watch one expire), then remove it. */
async function roundTripTable(client, target, runId, expiry, consistency = 'LOCAL_ONE') {
    const at = atLevel(consistency);
    const row = probeRow(target, `round-trip ${runId}`);
    await insertRow(client, row, undefined, at);
    try {
        const read = await readRow(client, row, at);
        return {
            consistency,
            written: true,
            readBack: read?.value === row.value,
            ttlAfterInsert: read?.ttl ?? null,
            expiredAfterSeconds: expiry
                ? await secondsUntilGone(client, await writeExpiringRow(client, target, at))
                : null,
        };
    }
    finally {
        await deleteRow(client, row, at);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ../../node_modules/kafkajs/index.js
var kafkajs = __webpack_require__(33749);
// EXTERNAL MODULE: ../../src/protocol/kafka.ts + 1 modules
var protocol_kafka = __webpack_require__(54550);
;// CONCATENATED MODULE: ../../src/probes/kafka.ts
// Reads live Kafka state with kafkajs and round-trips probe records. Why TOPIC_CONFIG, why
// replicas.length, why no auto-creation and why seek instead of assignment: see each use below.






/** Every probe record carries this header, so anyone reading the topic can tell it apart. */
const PROBE_HEADER = 'infra-verify-probe';
const kafka_PROBE_PARTITION = 0;
/**
 * How long a consumer may take to join its group. The first group on a fresh broker creates
 * __consumer_offsets (50 partitions unless configured), which takes tens of seconds on a loaded
 * machine; the local images showed it on the real engine.
 */
const JOIN_DEADLINE_MS = 90_000;
/** How long a joined consumer may take to fetch records we know are there. */
const READ_DEADLINE_MS = 15_000;
async function connectKafka(brokers, settings) {
    const kafka = (0,protocol_kafka/* kafkaClient */.SZ)(brokers, { clientId: 'infra-verify', retries: 3, settings });
    const admin = kafka.admin();
    await admin.connect();
    const spares = [];
    // one opening at a time, so that two asks for the same count open the spares once
    let opening = Promise.resolve();
    return {
        kafka,
        admin,
        async admins(count) {
            opening = opening.then(async () => {
                const opened = await Promise.allSettled(Array.from({ length: count - 1 - spares.length }, async () => {
                    const spare = kafka.admin();
                    await spare.connect();
                    return spare;
                }));
                // One that could not connect only takes away a connection; the others carry its share.
                for (const result of opened)
                    if (result.status === 'fulfilled')
                        spares.push(result.value);
            });
            await opening;
            return [admin, ...spares.slice(0, count - 1)];
        },
        close: async () => {
            await Promise.all([admin, ...spares].map((client) => client.disconnect()));
        },
    };
}
/** Internal topics such as __consumer_offsets are the broker's business, not the spec's. */
function isInternalTopic(name) {
    return name.startsWith('__');
}
/** What init drafts a spec from: every config of every topic. */
const EVERY_CONFIG = {};
/**
 * Above this many topics, their configs are asked for in several requests on connections of their
 * own (at most CONFIG_CONNECTIONS). On the twin (2 cores), 5,000 topics took the broker 2.3-2.8 s
 * in one request and 1.0-1.5 s in four side by side; eight were no faster.
 */
const CONFIG_TOPICS_PER_REQUEST = 1000;
const CONFIG_CONNECTIONS = 4;
/** How many connections the configs of this many topics are asked on. */
const configConnections = (topics) => Math.min(CONFIG_CONNECTIONS, Math.ceil(topics / CONFIG_TOPICS_PER_REQUEST));
/** Every non-internal topic with its partitions, replication factors and the configs looked at. */
async function observeTopics(connection, look) {
    const { admin } = connection;
    // Where the spec says how many topics, the spare connections open while the listing comes.
    if (look.topics)
        void connection.admins(configConnections(look.topics.length));
    // No topic named: every topic's metadata, in one request. (kafkajs's listTopics asks the same,
    // keeps only the names, and asking again by name checks each against the listing: n² at 5,000.)
    const listed = (await admin.fetchTopicMetadata()).topics
        .filter((topic) => !isInternalTopic(topic.name))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (listed.length === 0)
        return {};
    const names = listed.map((topic) => topic.name);
    const wanted = look.topics && new Set(look.topics);
    const configured = wanted ? names.filter((name) => wanted.has(name)) : names;
    const configs = configured.length === 0 || look.names?.length === 0
        ? []
        : await configsSideBySide(connection, configured, look.names);
    const topics = {};
    for (const topic of listed) {
        const partitions = [...topic.partitions].sort((a, b) => a.partitionId - b.partitionId);
        topics[topic.name] = {
            name: topic.name,
            partitions: partitions.length,
            replicationFactors: partitions.map((partition) => partition.replicas.length),
            topicConfigs: {},
            effectiveConfigs: {},
            partitionStates: partitions.map((partition) => ({
                partition: partition.partitionId,
                leader: partition.leader,
                replicas: [...partition.replicas],
                isr: [...partition.isr],
            })),
        };
    }
    for (const resource of configs) {
        const topic = topics[resource.resourceName];
        if (!topic)
            continue;
        if (resource.errorCode !== 0) {
            throw new Error(`describeConfigs for topic ${topic.name}: ${resource.errorMessage}`);
        }
        for (const entry of resource.configEntries) {
            topic.effectiveConfigs[entry.configName] = entry.configValue;
            if (entry.configSource === kafkajs.ConfigSource.TOPIC_CONFIG) {
                topic.topicConfigs[entry.configName] = entry.configValue;
            }
        }
    }
    return topics;
}
/** The broker's answers for a topic it does not have (or for a name no topic can have). */
const NO_SUCH_TOPIC = ['UNKNOWN_TOPIC_OR_PARTITION', 'INVALID_TOPIC_EXCEPTION'];
/**
 * How many unlisted topics are asked for by name (one request each, because kafkajs reports only
 * the first topic's error of a metadata answer), and how many of those requests are in flight at
 * once: a spec of 5,000 topics on an empty cluster must not cost 5,000 requests.
 */
const MAX_ASKED_BY_NAME = 100;
const ASKED_AT_ONCE = 8;
/**
 * The wanted topics that the listing left out because the principal may not Describe them. A
 * broker leaves such topics out of a listing exactly as if they were missing, and says so only
 * when asked for the topic by name: TOPIC_AUTHORIZATION_FAILED, whether it exists or not. Beyond
 * MAX_ASKED_BY_NAME unlisted topics, the rest are returned as not asked.
 */
async function deniedTopics(admin, wanted, listed) {
    const unlisted = [...new Set(wanted)].filter((name) => !listed[name]);
    const asked = unlisted.slice(0, MAX_ASKED_BY_NAME);
    const denied = {};
    const ask = async (name) => {
        try {
            await admin.fetchTopicMetadata({ topics: [name] });
        }
        catch (error) {
            if (kafkaDenial(error) === 'topic')
                denied[name] = new NotAuthorized(`Describe on topic ${name}`).message;
            else if (!(0,connection_failure/* causes */.ps)(error).some((cause) => NO_SUCH_TOPIC.includes(String(cause.type))))
                throw error;
        }
    };
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(ASKED_AT_ONCE, asked.length) }, async () => {
        while (next < asked.length)
            await ask(asked[next++]);
    }));
    return { denied, notAsked: unlisted.slice(MAX_ASKED_BY_NAME) };
}
const describeConfigs = (admin, names, configNames) => admin.describeConfigs({
    includeSynonyms: true,
    resources: names.map((name) => ({
        type: kafkajs.ConfigResourceTypes.TOPIC,
        name,
        // absent (not empty) asks for every config
        ...(configNames && { configNames: [...configNames] }),
    })),
});
/** How many topics a refusal names at most: enough to act on, and a bound on the requests. */
const MAX_NAMED_DENIALS = 10;
/**
 * These topics' configs: split over a few connections when there are many topics. The broker
 * refuses a whole request for one topic the principal may not DescribeConfigs, without naming
 * it: then the refused ones are looked for, and named.
 */
async function configsSideBySide(connection, names, configNames) {
    const admins = await connection.admins(configConnections(names.length));
    const size = Math.ceil(names.length / admins.length);
    const answers = await Promise.all(admins.map(async (admin, i) => {
        const batch = names.slice(i * size, (i + 1) * size);
        try {
            return { resources: (await describeConfigs(admin, batch, configNames)).resources };
        }
        catch (error) {
            if (kafkaDenial(error) !== 'topic')
                throw error;
            return { refused: await refusedTopics(admin, batch, configNames) };
        }
    }));
    if (answers.every((answer) => answer.resources))
        return answers.flatMap((answer) => answer.resources ?? []);
    const refused = answers.flatMap((answer) => answer.refused ?? []);
    // The search asks again; should those answers differ (ACLs changing meanwhile), say so.
    if (refused.length === 0)
        throw new NotAuthorized(`DescribeConfigs on one of ${names.length} topics (not told which)`);
    const more = refused.length >= MAX_NAMED_DENIALS ? ' (and maybe more)' : '';
    const named = refused.slice(0, MAX_NAMED_DENIALS).join(', ');
    throw new NotAuthorized(`DescribeConfigs on topic ${named}${more}`);
}
/**
 * The topics of a refused request that are refused alone: asked in halves, and the refused
 * halves in halves again, so a few requests per refused topic, and no more than
 * MAX_NAMED_DENIALS of them looked for.
 */
async function refusedTopics(admin, names, configNames) {
    const refused = [];
    const search = async (part) => {
        if (refused.length >= MAX_NAMED_DENIALS)
            return;
        const answered = await describeConfigs(admin, part, configNames).then(() => true, (error) => kafkaDenial(error) !== 'topic');
        if (answered)
            return;
        if (part.length === 1)
            refused.push(...part);
        else {
            const half = Math.ceil(part.length / 2);
            await search(part.slice(0, half));
            await search(part.slice(half));
        }
    };
    const half = Math.ceil(names.length / 2);
    await search(names.slice(0, half));
    await search(names.slice(half));
    return refused;
}
/** Compaction needs a key on every record, and a tombstone is how a probe cleans up after itself. */
function isCompacted(topic) {
    return (topic.effectiveConfigs['cleanup.policy'] ?? '').split(',').includes('compact');
}
async function withProducer(kafka, use) {
    const producer = kafka.producer({
        // A producer would otherwise create a missing topic and hide exactly the drift we look for.
        allowAutoTopicCreation: false,
        createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
        retry: { retries: 2 },
    });
    await producer.connect();
    try {
        return await use(producer);
    }
    finally {
        await producer.disconnect();
    }
}
/** Write one keyed probe record per topic to partition 0; returns where each one landed. */
async function produceProbes(kafka, topics, runId, purpose) {
    return withProducer(kafka, (producer) => Promise.all(topics.map(async (topic) => {
        const key = `infra-verify:${purpose}:${runId}`;
        const value = JSON.stringify({ runId, purpose, topic, at: new Date().toISOString() });
        const [sent] = await askingKafka(() => producer.send({
            topic,
            acks: -1,
            messages: [
                { key, value, partition: kafka_PROBE_PARTITION, headers: { [PROBE_HEADER]: purpose } },
            ],
        }), { topic: `Write on topic ${topic}` });
        if (!sent || sent.baseOffset === undefined) {
            throw new Error(`producing to ${topic} returned no offset`);
        }
        return { topic, partition: kafka_PROBE_PARTITION, offset: sent.baseOffset, key, value };
    })));
}
/**
 * Read the records at exactly these offsets. kafkajs cannot assign partitions by hand, so a
 * throwaway group joins, seeks to each offset, and is deleted afterwards. Returns the value
 * found at each record's offset (null where nothing came back before the deadline).
 */
async function readProbes(kafka, admin, records) {
    const found = new Map(records.map((record) => [record, null]));
    if (records.length === 0)
        return found;
    const groupId = `infra-verify-probe-${(0,external_node_crypto_.randomUUID)()}`;
    const consumer = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false,
        // Short fetch waits so that stopping the consumer does not sit out a long poll.
        maxWaitTimeInMs: 100,
        // Right after a restart the group coordinator may still be loading; give it a few tries.
        retry: { retries: 5 },
    });
    let remaining = records.length;
    let allFound = () => undefined;
    const done = new Promise((resolve) => (allFound = resolve));
    let timer;
    const topics = [...new Set(records.map((r) => r.topic))];
    const joined = new Promise((resolve, reject) => {
        consumer.on(consumer.events.GROUP_JOIN, () => resolve(true));
        // A denied join or fetch crashes the consumer; waiting for the join would sit out its deadline.
        // A crash that kafkajs restarts from is no end: a retriable error, such as the coordinator
        // still loading the offsets topic that a fresh KRaft broker creates for this first group.
        consumer.on(consumer.events.CRASH, ({ payload }) => {
            if (payload.restart)
                return;
            reject(kafkaNotAuthorized(payload.error, {
                group: `Read on group ${groupId}`,
                topic: `Read on topic ${topics.join(', ')}`,
            }));
        });
    });
    // Settled by the race below; until then, a crash before it must not go unhandled.
    joined.catch(() => undefined);
    await consumer.connect();
    try {
        await consumer.subscribe({ topics, fromBeginning: false });
        await consumer.run({
            autoCommit: false,
            eachMessage: async ({ topic, partition, message }) => {
                const record = records.find((r) => r.topic === topic && r.partition === partition && r.offset === message.offset);
                if (!record || found.get(record) !== null)
                    return;
                found.set(record, message.value?.toString() ?? '');
                remaining -= 1;
                if (remaining === 0)
                    allFound();
            },
        });
        const after = (ms) => new Promise((resolve) => {
            clearTimeout(timer);
            timer = setTimeout(() => resolve(false), ms);
        });
        // When its first join fails (as on a loaded machine), run() returns while kafkajs retries
        // in the background, and a seek then throws "Consumer group was not initialized".
        if (!(await Promise.race([joined, after(JOIN_DEADLINE_MS)])))
            return found;
        for (const record of records) {
            consumer.seek({ topic: record.topic, partition: record.partition, offset: record.offset });
        }
        await Promise.race([done, after(READ_DEADLINE_MS)]);
    }
    finally {
        clearTimeout(timer);
        await consumer.disconnect();
        // The group must not linger on the broker as an artefact of verification.
        await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return found;
}
/** A null value under the probe's key lets compaction remove the probe record for good. */
async function tombstone(kafka, records) {
    if (records.length === 0)
        return;
    await withProducer(kafka, async (producer) => {
        for (const record of records) {
            await producer.send({
                topic: record.topic,
                acks: -1,
                messages: [{ key: record.key, value: null, partition: record.partition }],
            });
        }
    });
}
/**
 * Produce to and consume from each wanted topic, then tombstone the compacted ones. A topic
 * that does not exist is reported, never written to (that would auto-create it).
 */
async function roundTripTopics(connection, wanted, observed, runId) {
    const results = {};
    const present = wanted.filter((name) => observed[name]);
    for (const name of wanted.filter((topic) => !observed[topic])) {
        results[name] = (0,observe/* notObserved */.M)(`topic ${name} does not exist, so it was not probed`);
    }
    const probed = await (0,observe/* observe */.l)(async () => {
        const records = await produceProbes(connection.kafka, present, runId, 'round-trip');
        const consumed = await readProbes(connection.kafka, connection.admin, records);
        await tombstone(connection.kafka, records.filter((record) => isCompacted(observed[record.topic])));
        return { records, consumed };
    });
    for (const name of present) {
        if (!probed.ok) {
            results[name] = { ok: false, error: probed.error, ms: probed.ms };
            continue;
        }
        const record = probed.value.records.find((r) => r.topic === name);
        results[name] = {
            ok: true,
            value: { produced: record.value, consumed: probed.value.consumed.get(record) ?? null },
            ms: probed.ms,
        };
    }
    return results;
}

// EXTERNAL MODULE: ../../src/model/errors.ts
var errors = __webpack_require__(80420);
;// CONCATENATED MODULE: ../../src/probes/cluster.ts
// What only a cluster has: the registered brokers, and the Cassandra ring as gossip sees it plus
// each node's own answer. Read-only; `nodetool status` and `nodetool describecluster` read the same.




async function observeKafkaCluster(admin) {
    const cluster = await askingKafka(() => admin.describeCluster(), {
        cluster: 'Describe on cluster',
    });
    return {
        brokers: cluster.brokers
            .map((broker) => ({ id: broker.nodeId, address: `${broker.host}:${broker.port}` }))
            .sort((a, b) => a.id - b.id),
        controller: cluster.controller,
    };
}
/** Strategies that place no replicas by datacenter: nothing for the cluster checks to judge. */
const UNPLACED = /\.(LocalStrategy|EverywhereStrategy|MetaStrategy)$/;
/**
 * The ring from one coordinator (system.local, system.peers_v2, gossip_info), then one query sent
 * to each node alone, so that a node that is down or behind on schema answers for itself.
 */
async function observeCassandraCluster(contactPoints, settings) {
    // Round robin over every host, not only the local datacenter: each node must get a connection.
    const client = (0,protocol_cassandra/* cassandraClient */.oA)(contactPoints, settings, {
        readTimeoutMs: 5_000,
        policies: { loadBalancing: new cassandra_driver.policies.loadBalancing.RoundRobinPolicy() },
    });
    await client.connect();
    try {
        // Round robin would send each query to another node; one view of the ring needs one node.
        const coordinatorHost = [...client.hosts.values()].find((host) => host.isUp());
        if (!coordinatorHost)
            throw new Error('no Cassandra node is up to ask about the ring');
        const onCoordinator = { host: coordinatorHost };
        const [local, peers, gossip, keyspaces] = await Promise.all([
            client.execute('SELECT broadcast_address, host_id, data_center, rack FROM system.local', [], onCoordinator),
            readable(client.execute('SELECT peer, host_id, data_center, rack FROM system.peers_v2', [], onCoordinator)),
            readable(gossipStatuses(client, onCoordinator)),
            client.execute('SELECT keyspace_name, replication FROM system_schema.keyspaces', [], onCoordinator),
        ]);
        const localRow = local.first();
        const coordinator = String(localRow?.['broadcast_address'] ?? contactPoints[0]);
        const ring = [localRow, ...(peers.ok ? peers.value.rows : [])].flatMap((row) => row
            ? [
                {
                    address: String(row['broadcast_address'] ?? row['peer']),
                    hostId: String(row['host_id']),
                    datacenter: row['data_center'],
                    rack: row['rack'],
                },
            ]
            : []);
        const nodes = await Promise.all(ring.map(async ({ hostId, ...node }) => ({
            ...node,
            gossipStatus: (gossip.ok ? gossip.value.get(node.address) : undefined) ?? null,
            answer: await askNode(client, hostId),
        })));
        const replication = {};
        for (const row of keyspaces.rows) {
            const value = { ...row['replication'] };
            if (!UNPLACED.test(value['class'] ?? ''))
                replication[row['keyspace_name']] = value;
        }
        const unreadable = {
            ...(peers.ok ? {} : { peers: peers.denied }),
            ...(gossip.ok ? {} : { gossip: gossip.denied }),
        };
        return {
            coordinator,
            nodes: nodes.sort((a, b) => a.address.localeCompare(b.address)),
            replication,
            ...(Object.keys(unreadable).length > 0 ? { unreadable } : {}),
        };
    }
    finally {
        await client.shutdown().catch(() => undefined);
    }
}
/** A system table this user may not read (a managed service's choice), or its rows. */
async function readable(query) {
    try {
        return { ok: true, value: await query };
    }
    catch (error) {
        const denied = cassandraNotAuthorized(error);
        if (denied instanceof NotAuthorized)
            return { ok: false, denied: denied.message };
        throw error;
    }
}
/** address -> gossip STATUS word (NORMAL, shutdown, LEAVING ...); empty before Cassandra 4.1. */
async function gossipStatuses(client, options) {
    const statuses = new Map();
    let result;
    try {
        result = await client.execute('SELECT address, status, status_with_port FROM system_views.gossip_info', [], options);
    }
    catch (error) {
        // Before Cassandra 4.1 there is no gossip_info: no statuses. A denial is reported instead.
        if (cassandraNotAuthorized(error) instanceof NotAuthorized)
            throw error;
        return statuses;
    }
    for (const row of result.rows) {
        const status = (row['status_with_port'] ?? row['status']);
        if (status)
            statuses.set(String(row['address']), status.split(',')[0]);
    }
    return statuses;
}
/**
 * One query pinned to the node: its own schema version, or why it did not answer. Matched by host
 * id, since the address clients use (native) may differ from the one gossip uses (broadcast).
 */
async function askNode(client, hostId) {
    const host = [...client.hosts.values()].find((h) => String(h.hostId) === hostId);
    if (!host)
        return { ok: false, error: 'the driver found no native transport address for it' };
    try {
        const result = await client.execute('SELECT schema_version FROM system.local', [], {
            host,
            // A down node must not be replaced by another one: that would answer for it.
            retry: new cassandra_driver.policies.retry.FallthroughRetryPolicy(),
        });
        return { ok: true, schemaVersion: String(result.first()?.['schema_version']) };
    }
    catch (error) {
        return { ok: false, error: (0,errors/* firstLineOf */.Qy)(error) };
    }
}

// EXTERNAL MODULE: ../../src/model/readiness.ts
var model_readiness = __webpack_require__(63103);
;// CONCATENATED MODULE: ../../src/probes/observe-stack.ts










/** A persistence marker survives only in a failed run; this TTL is its safety net. */
const MARKER_TTL_SECONDS = 3600;
/** Connect to the servers that came up; the others carry their readiness failure instead. */
async function connectStack(endpoints, readiness) {
    const connection = (0,model_runtime/* connectionOf */.ao)(endpoints);
    const [kafka, cassandra] = await Promise.all([
        ifReady(readiness.kafka, 'Kafka', () => connectKafka(endpoints.kafkaBrokers, connection.kafka)),
        ifReady(readiness.cassandra, 'Cassandra', async () => {
            const client = (0,protocol_cassandra/* cassandraClient */.oA)(endpoints.cassandraContactPoints, connection.cassandra, {
                datacenter: readiness.cassandra?.ok ? readiness.cassandra.value.datacenter.name : undefined,
            });
            await client.connect();
            return client;
        }),
    ]);
    return {
        kafka,
        cassandra,
        close: async () => {
            await Promise.all([
                kafka.ok ? kafka.value.close().catch(() => undefined) : undefined,
                cassandra.ok ? cassandra.value.shutdown().catch(() => undefined) : undefined,
            ]);
        },
    };
}
/** Run a probe on a server that came up; else say why not (not ready, or not in the spec). */
function ifReady(readiness, server, probe) {
    if (!readiness)
        return Promise.resolve((0,observe/* notObserved */.M)(`the spec declares no ${server}`));
    return readiness.ok ? (0,observe/* observe */.l)(probe) : Promise.resolve((0,observe/* notObserved */.M)(readiness.error));
}
/** Run a probe with a client, or pass on why there is no client. */
function withClient(client, probe) {
    // A Cassandra denial names its permission; Kafka's are named where each call is made.
    return client.ok
        ? (0,observe/* observe */.l)(() => askingCassandra(() => probe(client.value)))
        : Promise.resolve((0,observe/* notObserved */.M)(client.error));
}
/** A single node is looked at exactly as before; cluster facts in the spec widen the look. */
const clusterScope = (spec) => ({
    kafka: spec.kafka?.brokers !== undefined,
    cassandra: spec.cassandra?.datacenters !== undefined,
});
/** Configs the verifier reads whatever the spec declares: compaction decides how a probe cleans up
 * after itself, and min.insync.replicas is judged against a declared broker count. */
const CONFIGS_THE_VERIFIER_READS = ['cleanup.policy', 'min.insync.replicas'];
/** The look a spec asks for: the configs it declares (and those above), of its own topics only. */
function lookScope(spec) {
    const topics = spec.kafka?.topics ?? [];
    const names = new Set(CONFIGS_THE_VERIFIER_READS);
    for (const topic of topics)
        for (const name of Object.keys(topic.configs))
            names.add(name);
    return {
        clusters: clusterScope(spec),
        topics: topics.map((topic) => topic.name),
        configs: { topics: topics.map((topic) => topic.name), names: [...names].sort() },
    };
}
/** Every topic the principal may Describe, and the wanted ones it may not. */
async function observeKafka(clients, scope) {
    const observed = await withClient(clients.kafka, async (connection) => {
        const topics = await observeTopics(connection, scope.configs);
        return { topics, ...(await deniedTopics(connection.admin, scope.topics, topics)) };
    });
    if (!observed.ok)
        return { kafka: observed };
    const { topics, denied, notAsked } = observed.value;
    return {
        kafka: { ok: true, value: topics, ms: observed.ms },
        ...(Object.keys(denied).length > 0 ? { kafkaDenied: denied } : {}),
        ...(notAsked.length > 0
            ? { kafkaNotAsked: { topics: notAsked, askedAtMost: MAX_ASKED_BY_NAME } }
            : {}),
    };
}
/** The containers, or without a lifecycle the servers as readiness saw them by protocol. */
function observeServices(runtime, readiness, 
/** when the look at the containers must end */
lookDeadline) {
    const { lifecycle } = runtime;
    return lifecycle
        ? (0,observe/* observe */.l)(() => lifecycle.services(lookDeadline))
        : (0,observe/* observe */.l)(async () => (0,model_readiness/* servicesSeenAtReadiness */.TR)(readiness, runtime.endpoints));
}
/** Everything the servers themselves say: ZooKeeper, topics, schema, the clusters. */
async function observeServers(runtime, readiness, clients, scope) {
    const [zookeeper, kafka, cassandra, clusters] = await Promise.all([
        ifReady(readiness.zookeeper, 'ZooKeeper', () => (0,protocol_zookeeper/* zookeeperReady */.s7)(runtime.endpoints.zookeeper)),
        observeKafka(clients, scope),
        withClient(clients.cassandra, (client) => observeSchema(client)),
        observeClusters(scope.clusters, runtime.endpoints, clients),
    ]);
    const datacenter = readiness.cassandra?.ok ? readiness.cassandra.value.datacenter : undefined;
    return {
        zookeeper,
        ...kafka,
        cassandra,
        ...clusters,
        ...(datacenter ? { cassandraDatacenter: datacenter } : {}),
    };
}
async function observeLive(runtime, readiness, clients, scope, 
/** when the look at the containers must end */
lookDeadline) {
    const [services, servers] = await Promise.all([
        observeServices(runtime, readiness, lookDeadline),
        observeServers(runtime, readiness, clients, scope),
    ]);
    return { services, ...servers };
}
async function observeClusters(scope, endpoints, clients) {
    const [kafkaCluster, cassandraCluster] = await Promise.all([
        !scope.kafka
            ? undefined
            : withClient(clients.kafka, (connection) => observeKafkaCluster(connection.admin)),
        !scope.cassandra
            ? undefined
            : // Its own client: every node needs a connection of its own, not only the local datacenter's.
                withClient(clients.cassandra, () => observeCassandraCluster(endpoints.cassandraContactPoints, (0,model_runtime/* connectionOf */.ao)(endpoints).cassandra)),
    ]);
    return {
        ...(kafkaCluster && { kafkaCluster }),
        ...(cassandraCluster && { cassandraCluster }),
    };
}
/** The live table probeTarget chose, with the text column that carries the probe value. */
function probeTable(spec, live) {
    const target = (0,probe_target/* probeTarget */.U)(spec);
    if (!target.ok)
        throw new Error(target.reason);
    if (!live.cassandra.ok)
        throw new Error(live.cassandra.error);
    const table = live.cassandra.value[target.keyspace]?.tables[target.table.name];
    if (!table)
        throw new Error(`table ${target.keyspace}.${target.table.name} does not exist, so it was not probed`);
    return { keyspace: target.keyspace, table, valueColumn: target.valueColumn };
}
/**
 * The spec's level, else LOCAL_QUORUM where the probed keyspace is declared with more than one
 * replica (a cluster), else LOCAL_ONE, the driver's default and what a single node has always
 * been probed at. Declared, not live: a drifted replication factor is reported by its own check
 * and must not change how the probes write.
 */
function probeConsistency(spec, keyspace) {
    if (spec.cassandra?.consistency)
        return spec.cassandra.consistency;
    const declared = spec.cassandra?.keyspaces.find((k) => k.name === keyspace)?.replication ?? {};
    const factors = Object.entries(declared)
        .filter(([key]) => key !== 'class')
        .map(([, value]) => Number(value));
    return Math.max(0, ...factors) > 1 ? 'LOCAL_QUORUM' : 'LOCAL_ONE';
}
async function observeRoundTrip(spec, live, clients, runId, expiry) {
    const topics = (spec.kafka?.topics ?? []).map((topic) => topic.name);
    const [kafka, cassandra] = await Promise.all([
        kafkaRoundTrip(clients.kafka, live.kafka, topics, runId),
        withClient(clients.cassandra, (client) => {
            const target = probeTable(spec, live);
            return roundTripTable(client, target, runId, expiry, probeConsistency(spec, target.keyspace));
        }),
    ]);
    return { kafka, cassandra };
}
async function kafkaRoundTrip(connection, observed, topics, runId) {
    // no topic to probe (Kafka's half already ran, or none is declared): no client is started
    if (topics.length === 0)
        return {};
    const everyTopic = (reason) => Object.fromEntries(topics.map((topic) => [topic, (0,observe/* notObserved */.M)(reason)]));
    if (!connection.ok)
        return everyTopic(connection.error);
    if (!observed.ok)
        return everyTopic(observed.error);
    return roundTripTopics(connection.value, topics, observed.value, runId);
}
const NO_CONFIG = { names: [] };
/** A Kafka record on the spec's first topic and a Cassandra row, both tagged with the run id. */
async function writeMarkers(spec, live, clients, runId, expiring) {
    const [kafka, cassandra, expiringRow] = await Promise.all([
        withClient(clients.kafka, async (connection) => {
            const topicName = spec.kafka?.topics[0]?.name;
            if (!topicName)
                throw new Error('the spec declares no Kafka topic to hold a marker');
            const topic = live.kafka.ok ? live.kafka.value[topicName] : undefined;
            if (!topic) {
                const why = live.kafkaDenied?.[topicName] ?? `topic ${topicName} does not exist`;
                throw new Error(`${why}, so no marker was written`);
            }
            const [record] = await produceProbes(connection.kafka, [topicName], runId, 'persistence');
            return { record: record, compacted: isCompacted(topic) };
        }),
        withClient(clients.cassandra, async (client) => {
            const row = probeRow(probeTable(spec, live), `persistence ${runId}`);
            await insertRow(client, row, MARKER_TTL_SECONDS);
            return row;
        }),
        expiring
            ? withClient(clients.cassandra, (client) => {
                const target = probeTable(spec, live);
                const at = atLevel(probeConsistency(spec, target.keyspace));
                return writeExpiringRow(client, target, at);
            })
            : undefined,
    ]);
    return { kafka, cassandra, ...(expiringRow ? { expiring: expiringRow } : {}) };
}
/** Read the markers back on a restarted stack (fresh clients), look again at topics and schema, then clean up. */
async function readMarkers(markers, clients) {
    const kafkaWritten = markers.kafka;
    const cassandraWritten = markers.cassandra;
    const { expiring } = markers;
    const [kafkaMarker, cassandraMarker, kafka, cassandra, expiry] = await Promise.all([
        kafkaWritten.ok
            ? withClient(clients.kafka, async (connection) => {
                const { record, compacted } = kafkaWritten.value;
                const read = await readProbes(connection.kafka, connection.admin, [record]);
                if (compacted)
                    await tombstone(connection.kafka, [record]);
                return { found: read.get(record) === record.value };
            })
            : (0,observe/* notObserved */.M)(`no marker was written: ${kafkaWritten.error}`),
        cassandraWritten.ok
            ? withClient(clients.cassandra, async (client) => {
                const row = cassandraWritten.value;
                const found = (await readRow(client, row))?.value === row.value;
                await deleteRow(client, row);
                return { found };
            })
            : (0,observe/* notObserved */.M)(`no marker was written: ${cassandraWritten.error}`),
        // After the restart only which topics are there is judged, so no config is read.
        withClient(clients.kafka, (connection) => observeTopics(connection, NO_CONFIG)),
        withClient(clients.cassandra, (client) => observeSchema(client)),
        expiring?.ok
            ? withClient(clients.cassandra, (client) => secondsUntilGone(client, expiring.value))
            : expiring &&
                (0,observe/* notObserved */.M)(`no row with a short TTL was written: ${expiring.error}`),
    ]);
    return {
        kafkaMarker,
        cassandraMarker,
        afterRestart: { kafka, cassandra },
        ...(expiry ? { expiry } : {}),
    };
}

// EXTERNAL MODULE: ../../src/protocol/wait.ts
var protocol_wait = __webpack_require__(67369);
// EXTERNAL MODULE: ../../src/spec/types.ts
var types = __webpack_require__(97472);
;// CONCATENATED MODULE: ../../src/probes/stack-ready.ts
// Waits for the whole stack by protocol (ZooKeeper srvr, Kafka metadata, a CQL query) and for
// the one-shot inits to finish, all against one deadline. Built on protocol/'s pings and wait.








async function settle(wait) {
    const started = Date.now();
    try {
        return { ok: true, value: await wait, ms: Date.now() - started };
    }
    catch (error) {
        // The log tail is fetched once for the report, so the message keeps only what was seen.
        return {
            ok: false,
            error: error instanceof protocol_wait/* ReadinessError */.J ? (0,errors/* firstLineOf */.Qy)(error) : (0,errors/* errorMessage */.gJ)(error),
            ms: Date.now() - started,
        };
    }
}
/**
 * Services that have no protocol of their own: one-shot inits (must exit 0) and sentinels that
 * just run (stack-ready). Their state comes from the runtime.
 */
/** Services declared healthy: their containers' health is judged by the engine. */
function healthyServices(spec) {
    return Object.entries(spec.compose.services).flatMap(([name, { ready }]) => ready === 'healthy' ? [name] : []);
}
function stateServices(spec) {
    return Object.entries(spec.compose.services).flatMap(([name, { ready }]) => ready === 'healthy' ? [] : [{ name, ready }]);
}
/** Compose creates every container on up, so a service that is missing will not appear later. */
class NotInStack extends Error {
}
/** The service's container, from one look; a service compose did not create ends the wait. */
async function containerOf(runtime, service) {
    const observed = (await runtime.services()).find((s) => s.service === service);
    if (!observed || observed.state === 'missing') {
        throw new NotInStack(`${service} is not part of the running stack`);
    }
    return observed;
}
/** Resolves with the exit code (0 for a sentinel that runs) once the service has settled. */
async function settledState(runtime, service, ready) {
    const observed = await containerOf(runtime, service);
    if (ready === 'running' && observed.state === 'running')
        return 0;
    if (ready === 'exited-0' && observed.state === 'exited')
        return observed.exitCode ?? -1;
    throw new Error(`${service} is ${observed.state}`);
}
/**
 * A server declared healthy that has a healthcheck: the engine has judged it (healthy or
 * unhealthy). The checks read that judgement; after a staged start it may come a tick later
 * than the protocol's answer.
 */
async function healthJudged(runtime, service) {
    const observed = await containerOf(runtime, service);
    if (observed.state === 'running' && observed.health === 'starting') {
        throw new Error(`${service} is running (health: starting)`);
    }
}
/** Why a started server's container will not answer any more: it exited. */
async function stopped(runtime, service) {
    const observed = (await runtime.services()).find((s) => s.service === service);
    return observed?.state === 'exited'
        ? `${service} exited (exit ${observed.exitCode ?? 'unknown'})`
        : undefined;
}
/**
 * How often a wait for a started server looks whether its container has exited. A look is a
 * `compose ps` and a `docker inspect`, two processes: one per attempt would take CPU from the
 * servers starting beside it on a small machine, and an exit is rare and never urgent.
 */
const EXIT_LOOK_EVERY_MS = 2_000;
/** The look, taken at most once per interval; undefined (nothing seen) in between. */
function atMostEvery(intervalMs, look) {
    let next = 0;
    return async () => {
        if (Date.now() < next)
            return undefined;
        next = Date.now() + intervalMs;
        return look();
    };
}
/** How each server's protocol wait is made: its attempt, its address, when to stop trying. */
function serverWaits(spec, runtime, deadline, progress) {
    const logTail = (service) => () => runtime.logs(service, model_runtime/* LOG_TAIL_LINES */.A5);
    const { zookeeper, kafkaBrokers, cassandraContactPoints, unresolved } = runtime.endpoints;
    const connection = (0,model_runtime/* connectionOf */.ao)(runtime.endpoints);
    // Unknown addresses are never guessed (a default port may belong to another stack): a wait
    // for a server without an address gives up at once, naming why.
    const address = {
        zookeeper: zookeeper ? [zookeeper] : [],
        kafka: kafkaBrokers,
        cassandra: cassandraContactPoints,
    };
    const giveUpIfUnresolved = (role) => async () => address[role].length === 0 ? (unresolved ?? `no address is known for ${role}`) : undefined;
    // A stack the run brought up may still be creating its users; one already running is not.
    const isFinal = (error) => error instanceof connection_failure/* ConnectionFailure */.ls && (error.kind !== 'auth' || !runtime.lifecycle);
    const roles = (0,types/* declaredRoles */._G)(spec);
    const serviceOf = Object.fromEntries(Object.entries(roles).map(([role, { service }]) => [role, service]));
    const attempts = {
        zookeeper: () => (0,protocol_zookeeper/* zookeeperReady */.s7)(zookeeper),
        kafka: () => (0,protocol_kafka/* kafkaReady */.cz)(kafkaBrokers, connection.kafka),
        cassandra: () => (0,protocol_cassandra/* cassandraReady */.Qt)(cassandraContactPoints, connection.cassandra),
    };
    const waitFor = (role, options = {}) => {
        const service = serviceOf[role];
        if (service === undefined)
            return undefined;
        const { lifecycle } = runtime;
        const exited = options.giveUpIfStopped && lifecycle
            ? atMostEvery(EXIT_LOOK_EVERY_MS, () => stopped(lifecycle, service))
            : undefined;
        return (0,protocol_wait/* waitUntil */.a)({
            service,
            attempt: attempts[role],
            deadline,
            progress,
            logTail: logTail(service),
            giveUpIf: async () => (await giveUpIfUnresolved(role)()) ?? (await exited?.()),
            isFinal,
            ...(options.maxDelayMs !== undefined ? { maxDelayMs: options.maxDelayMs } : {}),
        });
    };
    return { serviceOf, waitFor, logTail };
}
/** How often a staged start asks a server that has not answered yet: it holds back the next level. */
const RELEASE_RETRY_MS = 500;
/**
 * A staged start's release of one server: resolves once it answers its protocol, rejects with
 * what was seen when it does not by the deadline.
 */
async function awaitServer(spec, runtime, role, deadline, progress) {
    // The container was just started: once it has exited, nothing will answer (compose too gives
    // up on a dependency whose container exited).
    await serverWaits(spec, runtime, deadline, progress).waitFor(role, {
        maxDelayMs: RELEASE_RETRY_MS,
        giveUpIfStopped: true,
    });
}
/**
 * Every wait shares one deadline. A wait that gives up names the service, what was last seen
 * and its log tail; the others still finish, so the report shows the whole picture.
 */
async function awaitStack(spec, runtime, deadline, progress, scope = 'stack') {
    const { serviceOf, waitFor, logTail } = serverWaits(spec, runtime, deadline, progress);
    const settled = (wait) => wait === undefined ? Promise.resolve(undefined) : settle(wait);
    // The servers alone are awaited while a staged restart still runs beside: a server whose
    // container has exited then will not answer before the deadline, and the start that would
    // have said so is not awaited here. A CI run once waited out 600 s on a killed stack.
    const server = (role) => settled(waitFor(role, { giveUpIfStopped: scope === 'servers' }));
    // A stack without a lifecycle is seen by protocol only: it has no inits or sentinels to watch.
    const { lifecycle } = runtime;
    const whole = lifecycle && scope !== 'servers';
    const others = whole ? stateServices(spec) : [];
    const [[zk, kafka, cassandra, ...otherResults]] = await Promise.all([
        Promise.all([
            server('zookeeper'),
            server('kafka'),
            server('cassandra'),
            ...(whole
                ? others.map(({ name, ready }) => settle((0,protocol_wait/* waitUntil */.a)({
                    service: name,
                    attempt: () => settledState(lifecycle, name, ready),
                    deadline,
                    progress,
                    logTail: logTail(name),
                    isFinal: (error) => error instanceof NotInStack,
                })))
                : []),
        ]),
        scope === 'stack' ? awaitJudged(spec, runtime, deadline) : undefined,
    ]);
    return {
        ...(zk ? { zookeeper: zk } : {}),
        ...(kafka ? { kafka: kafka } : {}),
        ...(cassandra ? { cassandra: cassandra } : {}),
        serviceOf,
        others: Object.fromEntries(others.map(({ name }, index) => [name, otherResults[index]])),
    };
}
/**
 * Until the engine has judged every service declared healthy (or the deadline). What these waits
 * see is not recorded: the checks read the engine's judgement from the look at the containers
 * taken next, and a server still "starting" by the deadline fails there.
 */
async function awaitJudged(spec, runtime, deadline) {
    const { lifecycle } = runtime;
    if (!lifecycle)
        return;
    await Promise.all(healthyServices(spec).map((name) => settle((0,protocol_wait/* waitUntil */.a)({
        service: name,
        attempt: () => healthJudged(lifecycle, name),
        deadline,
        maxDelayMs: RELEASE_RETRY_MS,
        isFinal: (error) => error instanceof NotInStack,
    }))));
}

;// CONCATENATED MODULE: ../../src/probes/observer.ts


const probeObserver = {
    awaitStack: awaitStack,
    awaitServer: awaitServer,
    async observeServices(spec, runtime, readiness, deadline, lookDeadline) {
        await awaitJudged(spec, runtime, deadline);
        return observeServices(runtime, readiness, lookDeadline);
    },
    async connect(endpoints, readiness) {
        const clients = await connectStack(endpoints, readiness);
        return {
            observeServers: (spec, runtime, ready) => observeServers(runtime, ready, clients, lookScope(spec)),
            roundTrip: (spec, live, runId, expiry) => observeRoundTrip(spec, live, clients, runId, expiry),
            writeMarkers: (spec, live, runId, expiring) => writeMarkers(spec, live, clients, runId, expiring),
            readMarkers: (markers) => readMarkers(markers, clients),
            close: () => clients.close(),
        };
    },
};


/***/ })

};
;