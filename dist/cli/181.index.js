"use strict";
exports.id = 181;
exports.ids = [181];
exports.modules = {

/***/ 42562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInit: () => (/* binding */ runInit)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ../../src/model/errors.ts
var errors = __webpack_require__(80420);
// EXTERNAL MODULE: ../../src/probes/observe-stack.ts + 2 modules
var observe_stack = __webpack_require__(10889);
// EXTERNAL MODULE: ../../src/probes/kafka.ts
var kafka = __webpack_require__(57383);
// EXTERNAL MODULE: ../../src/model/deadline.ts
var model_deadline = __webpack_require__(38931);
// EXTERNAL MODULE: ../../src/probes/stack-ready.ts
var stack_ready = __webpack_require__(54887);
// EXTERNAL MODULE: ../../src/model/compose.ts
var compose = __webpack_require__(39467);
// EXTERNAL MODULE: ../../src/runtime/compose/index.ts + 4 modules
var runtime_compose = __webpack_require__(75);
// EXTERNAL MODULE: ../../src/runtime/init-recorder.ts
var init_recorder = __webpack_require__(88789);
// EXTERNAL MODULE: ../../src/spec/compose-facts.ts
var compose_facts = __webpack_require__(10715);
;// CONCATENATED MODULE: ../../src/spec/draft.ts
// Cassandra's own defaults: a table that shows them did not ask for anything.
const DEFAULT_COMPACTION_CLASS = 'SizeTieredCompactionStrategy';
const DEFAULT_COMPACTION_OPTIONS = {
    max_threshold: '32',
    min_threshold: '4',
};
function draftSpec(inspected, compose) {
    const { zookeeper, kafka, cassandra } = inspected.roles;
    // Keys in the order a reader wants them: where it runs, what it holds, how it is probed.
    return {
        version: 1,
        compose: compose ? composeSection(compose) : { services: {} },
        ...(zookeeper ? { zookeeper } : {}),
        ...(kafka
            ? {
                kafka: {
                    ...kafka,
                    ...brokerCount(inspected.kafkaCluster),
                    topics: Object.values(inspected.topics ?? {}).map(topicSpec),
                },
            }
            : {}),
        ...(cassandra
            ? {
                cassandra: {
                    ...cassandra,
                    ...nodesPerDatacenter(inspected.cassandraCluster),
                    keyspaces: Object.values(inspected.keyspaces ?? {}).map(keyspaceSpec),
                },
            }
            : {}),
        probes: { roundTrip: true, ttl: { toleranceSeconds: 5, expiry: true } },
        persistence: { enabled: true },
    };
}
// A cluster is declared as one: a single broker or node keeps the spec it always had, and the
// Cluster Health checks turn on only where there is more than one.
/** The brokers registered now, so that one that leaves is caught. */
function brokerCount(cluster) {
    return cluster && cluster.brokers.length > 1 ? { brokers: cluster.brokers.length } : {};
}
/** The ring's nodes per datacenter, so that a node that leaves or a datacenter retired is caught. */
function nodesPerDatacenter(cluster) {
    if (!cluster || cluster.nodes.length < 2)
        return {};
    const datacenters = {};
    for (const node of cluster.nodes)
        datacenters[node.datacenter] = (datacenters[node.datacenter] ?? 0) + 1;
    return { datacenters };
}
function topicSpec(topic) {
    // Only configs set on the topic (TOPIC_CONFIG): a broker default would pin the spec to one
    // broker's settings and fail against any other cluster.
    const { 'min.insync.replicas': minInsync, ...configs } = topic.topicConfigs;
    return {
        name: topic.name,
        partitions: topic.partitions,
        replicationFactor: Math.max(...topic.replicationFactors),
        // Set on the topic, it is the spec's own fact: its check also counts the replicas in sync.
        ...(minInsync === undefined ? {} : { minInsyncReplicas: Number(minInsync) }),
        configs,
    };
}
function keyspaceSpec(keyspace) {
    const { class: strategy, ...rest } = keyspace.replication;
    return {
        name: keyspace.name,
        replication: { class: shortClass(strategy ?? 'SimpleStrategy'), ...rest },
        tables: Object.values(keyspace.tables)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map(tableSpec),
    };
}
function tableSpec(table) {
    const byPosition = (kind) => table.columns.filter((c) => c.kind === kind).sort((a, b) => a.position - b.position);
    const spec = {
        name: table.name,
        columns: Object.fromEntries(table.columns.map((c) => [c.name, c.type])),
        partitionKey: byPosition('partition_key').map((c) => c.name),
        clustering: byPosition('clustering').map((c) => ({
            column: c.name,
            order: c.clusteringOrder === 'desc' ? 'DESC' : 'ASC',
        })),
    };
    if (table.defaultTtl !== 0)
        spec.defaultTtl = table.defaultTtl;
    const { class: compactionClass = DEFAULT_COMPACTION_CLASS, ...options } = table.compaction;
    const setOptions = Object.fromEntries(Object.entries(options).filter(([key, value]) => DEFAULT_COMPACTION_OPTIONS[key] !== value));
    const short = shortClass(compactionClass);
    if (short !== DEFAULT_COMPACTION_CLASS || Object.keys(setOptions).length > 0) {
        spec.compaction = { class: short, options: setOptions };
    }
    return spec;
}
function shortClass(name) {
    return name.slice(name.lastIndexOf('.') + 1);
}
function composeSection(compose) {
    const completedBy = new Set(Object.values(compose.services).flatMap((service) => Object.entries(service.dependsOn)
        .filter(([, condition]) => condition === 'service_completed_successfully')
        .map(([dependency]) => dependency)));
    const services = {};
    for (const [name, service] of Object.entries(compose.services)) {
        services[name] = {
            ...(service.containerName ? { containerName: service.containerName } : {}),
            ready: service.hasHealthcheck
                ? 'healthy'
                : completedBy.has(name) || service.restartNo
                    ? 'exited-0'
                    : 'running',
            dependsOn: { ...service.dependsOn },
            volumes: { ...service.volumes },
        };
    }
    // The network every service shares, when there is one; compose's default network otherwise.
    const [first, ...others] = Object.values(compose.services);
    const shared = first?.networks.find((network) => others.every((service) => service.networks.includes(network)));
    return { ...(shared ? { network: shared } : {}), services };
}

// EXTERNAL MODULE: ../../src/static/compose.ts + 6 modules
var static_compose = __webpack_require__(79489);
// EXTERNAL MODULE: ../../src/static/cql-schema.ts
var cql_schema = __webpack_require__(61326);
// EXTERNAL MODULE: ../../src/static/init-topics.ts
var init_topics = __webpack_require__(62897);
;// CONCATENATED MODULE: ../../src/app/compose-draft.ts
// What `init` reads from the compose project: the facts of the one compose model (as static mode
// resolves it), and with --static a whole draft spec from those facts, the inits' own
// `kafka-topics --create` calls and the CQL they run or mount, with no server running.









/** The project's compose facts, or undefined when there is no compose file to read. */
async function composeFactsFor(request) {
    try {
        (0,compose/* composeProjectOf */.B0)(request, process.env, external_node_fs_.existsSync);
    }
    catch (error) {
        // No compose file (an existing stack, say): init then works from the servers alone.
        if (error instanceof compose/* NoComposeFileError */.CV)
            return undefined;
        throw error;
    }
    const model = await (0,static_compose/* resolveComposeModel */.c2)(request, runtime_compose/* composeConfig */.Rm);
    return { facts: (0,compose_facts/* composeFactsOf */.tv)(model.compose), model };
}
function compose_draft_topicSpec(topic, gaps) {
    if (topic.partitions === undefined || topic.replicationFactor === undefined) {
        gaps.push(`topic ${topic.name}: ${topic.service} leaves its partitions or replication factor to the broker; add it by hand`);
        return [];
    }
    return [
        {
            name: topic.name,
            partitions: topic.partitions,
            replicationFactor: topic.replicationFactor,
            configs: topic.configs,
        },
    ];
}
/** `init --static`: a spec from the compose model and the readable inits, no servers. */
async function draftFromCompose(request, runInits) {
    const model = await (0,static_compose/* resolveComposeModel */.c2)(request, runtime_compose/* composeConfig */.Rm);
    const facts = (0,compose_facts/* composeFactsOf */.tv)(model.compose);
    const roles = (0,compose_facts/* rolesFromCompose */.Eu)(facts);
    const gaps = [...model.limits];
    if (!roles.kafka && !roles.cassandra) {
        return { spec: draftSpec({ roles }, facts), gaps, files: model.files };
    }
    const inits = await (0,init_topics/* readInitTopics */.bU)(model, draftSpec({ roles }, facts), model.directory, runInits ? init_recorder/* recordInit */.mT : undefined, static_compose/* readableText */.Gh);
    // The schema as static mode reads it for its checks, so the draft passes them.
    const schema = (0,cql_schema/* observedKeyspaces */.tJ)((0,cql_schema/* readCqlSchemas */.zR)(inits.cql));
    const draft = draftSpec({ roles, keyspaces: schema.keyspaces }, facts);
    if (draft.kafka) {
        gaps.push(...(inits.topics.length === 0 ? inits.unreadable : []));
        draft.kafka.topics = inits.topics.flatMap((topic) => compose_draft_topicSpec(topic, gaps));
    }
    if (draft.cassandra) {
        gaps.push(...schema.left);
        if (inits.cql.length === 0) {
            gaps.push(`cassandra keyspaces: no init's CQL could be read (${inits.unreadable.join('; ') || 'no one-shot service runs cqlsh -f or -e, or mounts a .cql file'}); run \`infra-verify init\` against the running stack`);
        }
    }
    // Servers were not asked, so nothing proves a round trip or persistence yet: left on, as a
    // live run should check them.
    return { spec: draft, gaps, files: model.files };
}

// EXTERNAL MODULE: ../../src/spec/load.ts
var load = __webpack_require__(82341);
// EXTERNAL MODULE: ../../node_modules/yaml/dist/index.js
var dist = __webpack_require__(33483);
// EXTERNAL MODULE: ../../src/spec/types.ts
var types = __webpack_require__(97472);
;// CONCATENATED MODULE: ../../src/spec/schema.ts
// The JSON Schema of infra-spec.yml. additionalProperties is false on every object, so a
// misspelt key is an error instead of a silently ignored setting.

const schema_name = { type: 'string', minLength: 1 };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const service = {
    type: 'object',
    additionalProperties: false,
    required: ['ready'],
    properties: {
        containerName: schema_name,
        ready: { enum: ['healthy', 'exited-0', 'running'] },
        dependsOn: {
            type: 'object',
            default: {},
            additionalProperties: {
                enum: ['service_started', 'service_healthy', 'service_completed_successfully'],
            },
        },
        volumes: { ...stringMap, default: {} },
    },
};
const topic = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'partitions', 'replicationFactor'],
    properties: {
        name: schema_name,
        partitions: { type: 'integer', minimum: 1 },
        replicationFactor: { type: 'integer', minimum: 1 },
        configs: { ...stringMap, default: {} },
        minInsyncReplicas: { type: 'integer', minimum: 1 },
    },
};
const table = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'columns', 'partitionKey'],
    properties: {
        name: schema_name,
        columns: { ...stringMap, minProperties: 1 },
        partitionKey: { type: 'array', items: schema_name, minItems: 1 },
        clustering: {
            type: 'array',
            default: [],
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['column', 'order'],
                properties: { column: schema_name, order: { enum: ['ASC', 'DESC'] } },
            },
        },
        defaultTtl: {
            type: 'integer',
            minimum: 0,
            description: 'default_time_to_live in seconds; 0 means no TTL; omit to leave it unchecked',
        },
        compaction: {
            type: 'object',
            additionalProperties: false,
            required: ['class'],
            properties: { class: schema_name, options: { ...stringMap, default: {} } },
        },
    },
};
const keyspace = {
    type: 'object',
    additionalProperties: false,
    required: ['name', 'replication'],
    properties: {
        name: schema_name,
        replication: { ...stringMap, required: ['class'] },
        tables: { type: 'array', items: table, default: [] },
    },
};
/** A role's compose service and the port its server listens on inside the container. */
const role = (service, port) => ({
    service: { ...schema_name, default: service, description: 'the compose service of this server' },
    port: {
        type: 'integer',
        minimum: 1,
        maximum: 65535,
        default: port,
        description: 'the port the server listens on inside its container',
    },
});
const schema_SPEC_SCHEMA = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'infra-verify spec',
    type: 'object',
    additionalProperties: false,
    required: ['version'],
    properties: {
        version: { const: 1 },
        compose: {
            type: 'object',
            additionalProperties: false,
            default: {},
            properties: {
                network: { ...schema_name, description: 'the network every service is on; omit to not check' },
                services: { type: 'object', default: {}, additionalProperties: service },
            },
        },
        zookeeper: {
            type: 'object',
            additionalProperties: false,
            description: 'omit for a stack without ZooKeeper (KRaft, or Cassandra only)',
            properties: role('zookeeper', 2181),
        },
        kafka: {
            type: 'object',
            additionalProperties: false,
            description: 'omit for a stack without Kafka',
            properties: {
                ...role('kafka', 9092),
                brokers: { type: 'integer', minimum: 1 },
                topics: { type: 'array', items: topic, default: [] },
            },
        },
        cassandra: {
            type: 'object',
            additionalProperties: false,
            description: 'omit for a stack without Cassandra',
            properties: {
                ...role('cassandra', 9042),
                datacenters: {
                    type: 'object',
                    minProperties: 1,
                    additionalProperties: { type: 'integer', minimum: 1 },
                },
                consistency: { enum: types/* CONSISTENCY_LEVELS */.hT },
                keyspaces: { type: 'array', items: keyspace, default: [] },
            },
        },
        probes: {
            type: 'object',
            additionalProperties: false,
            default: {},
            properties: {
                roundTrip: { type: 'boolean', default: true },
                roundTripTable: {
                    type: 'string',
                    pattern: '^[^.]+\\.[^.]+$',
                    description: 'keyspace.table for the Cassandra probes; omit for the first table whose key types the probe can write',
                },
                ttl: {
                    type: 'object',
                    additionalProperties: false,
                    default: {},
                    properties: {
                        toleranceSeconds: { type: 'integer', minimum: 0, default: 5 },
                        expiry: { type: 'boolean', default: true },
                    },
                },
            },
        },
        persistence: {
            type: 'object',
            additionalProperties: false,
            default: {},
            properties: { enabled: { type: 'boolean', default: true } },
        },
    },
};

;// CONCATENATED MODULE: ../../src/spec/editor-schema.ts
// infra-spec.schema.json, the schema editors use (yaml-language-server, VS Code), is this
// text: the validator's own SPEC_SCHEMA, so what the editor flags and what verify rejects
// cannot drift apart. `npm run schema` writes it; lint fails when the file is stale.

const EDITOR_SCHEMA_FILE = 'infra-spec.schema.json';
/** Where released copies live; a spec in another repository points its $schema line here. */
const EDITOR_SCHEMA_URL = `https://raw.githubusercontent.com/chatbattle/infra-verify/v1/${EDITOR_SCHEMA_FILE}`;
function editorSchemaText() {
    const { $schema, ...rest } = SPEC_SCHEMA;
    return `${JSON.stringify({ $schema, $id: EDITOR_SCHEMA_URL, ...rest }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ../../src/spec/render.ts
// `infra-verify init` writes the drafted spec as YAML with comments that say where each part
// came from and what to do with it. Pure: Spec in, text out.


const SECTION_COMMENTS = {
    compose: () => ' Services as the compose file declares them: `verify --static` checks the file against\n' +
        ' this, and a live run checks the containers.',
    zookeeper: () => ' ZooKeeper: the compose service and the container port it listens on.',
    kafka: (spec) => ` Kafka: ${spec.kafka?.topics.length ?? 0} topic(s). configs lists only what is set on the topic\n` +
        ' itself; broker defaults are left out on purpose.' +
        (spec.kafka?.brokers === undefined
            ? ''
            : '\n brokers: the brokers registered at init; it turns on the Cluster Health checks.'),
    cassandra: (spec) => ` Cassandra: ${spec.cassandra?.keyspaces.length ?? 0} user keyspace(s); system keyspaces are left out.\n` +
        " A table without defaultTtl or compaction keeps Cassandra's defaults and is not checked for them." +
        (spec.cassandra?.datacenters === undefined
            ? ''
            : "\n datacenters: the ring's nodes at init; it turns on the Cluster Health checks."),
    probes: () => ' Round trips write a probe record to each topic and a probe row to one table, then remove\n' +
        ' them. Set roundTrip: false for a stack that must never be written to.',
    persistence: () => ' Stop and restart the stack and prove a record and a row survive.',
};
function renderSpec(spec, origin) {
    const doc = new dist/* Document */.yo(spec);
    doc.commentBefore = [
        ` yaml-language-server: $schema=${EDITOR_SCHEMA_URL}`,
        ` Written by \`infra-verify init\` on ${origin.date} from ${origin.runtime}` +
            (origin.composeFile ? ` and ${origin.composeFile}.` : '.'),
        ' It declares what the stack showed, so verifying the same stack passes; review it, then',
        ' commit it. Any later drift from it fails `infra-verify verify`.',
    ].join('\n');
    if ((0,dist/* isMap */.jh)(doc.contents)) {
        for (const item of doc.contents.items) {
            if (!(0,dist/* isPair */.tO)(item) || !(0,dist/* isScalar */.jn)(item.key))
                continue;
            const key = String(item.key.value);
            const comment = SECTION_COMMENTS[key];
            if (comment)
                item.key.commentBefore = comment(spec);
        }
    }
    return doc.toString({ lineWidth: 0 });
}

// EXTERNAL MODULE: ../../src/runtime/local/profiles.ts
var profiles = __webpack_require__(62510);
// EXTERNAL MODULE: ../../src/app/run.ts + 14 modules
var run = __webpack_require__(76398);
// EXTERNAL MODULE: ../../src/cli/options.ts
var options = __webpack_require__(33910);
;// CONCATENATED MODULE: ../../src/cli/init-run.ts
// What `infra-verify init` does once its flags are read: loaded only then, since it reaches the
// servers through the drivers.
















const progress = (message) => process.stderr.write(`${message}\n`);
/** What the running servers show: the roles that answered, their topics and their schema. */
async function inspect(runtime, candidates, deadline) {
    // A spec of the candidate roles only, so that the waits ask exactly these servers.
    const probeSpec = {
        version: 1,
        compose: { services: {} },
        ...(candidates.zookeeper ? { zookeeper: candidates.zookeeper } : {}),
        ...(candidates.kafka ? { kafka: { ...candidates.kafka, topics: [] } } : {}),
        ...(candidates.cassandra ? { cassandra: { ...candidates.cassandra, keyspaces: [] } } : {}),
        probes: { roundTrip: false, ttl: { toleranceSeconds: 5, expiry: false } },
        persistence: { enabled: false },
    };
    const readiness = await (0,stack_ready/* awaitStack */.fy)(probeSpec, runtime, deadline, progress);
    const roles = {};
    for (const role of types/* ROLE_NAMES */.ST) {
        const state = readiness[role];
        const declared = candidates[role];
        if (!state || !declared)
            continue;
        if (state.ok)
            roles[role] = declared;
        else
            progress(`${role} (${declared.service}) did not answer, so the spec leaves it out: ${state.error}`);
    }
    if (Object.keys(roles).length === 0) {
        throw new errors/* UserError */.yo('no server of the stack answered; start the stack first (e.g. `infra-verify up`), or point init at it with --runtime existing and its endpoints');
    }
    const clients = await (0,observe_stack/* connectStack */.rC)(runtime.endpoints, readiness);
    try {
        const live = await (0,observe_stack/* observeLive */.Td)(runtime, readiness, clients, {
            clusters: { kafka: roles.kafka !== undefined, cassandra: roles.cassandra !== undefined },
            topics: [],
            configs: kafka/* EVERY_CONFIG */.VN,
        }, deadline + model_deadline/* LOOK_PAST_DEADLINE_MS */.F0);
        const inspected = { roles };
        if (roles.kafka) {
            if (!live.kafka.ok)
                throw new Error(`reading Kafka's topics failed: ${live.kafka.error}`);
            inspected.topics = live.kafka.value;
            const brokers = live.kafkaCluster;
            if (brokers?.ok)
                inspected.kafkaCluster = brokers.value;
            else if (brokers)
                progress(`the brokers were not read, so no count is declared: ${brokers.error}`);
        }
        if (roles.cassandra) {
            if (!live.cassandra.ok)
                throw new Error(`reading Cassandra's schema failed: ${live.cassandra.error}`);
            inspected.keyspaces = live.cassandra.value;
            const ring = live.cassandraCluster;
            if (ring?.ok)
                inspected.cassandraCluster = ring.value;
            else if (ring)
                progress(`the ring was not read, so no datacenters are declared: ${ring.error}`);
        }
        return inspected;
    }
    finally {
        await clients.close();
    }
}
/** The spec as text that loads, written where asked; it is never overwritten unasked. */
function writeDraft(flags, spec, origin, gaps) {
    const text = renderSpec(spec, origin);
    // What init writes must load: a spec it cannot read back would be a trap.
    const bytes = Buffer.byteLength(text);
    if (bytes > load/* MAX_SPEC_BYTES */.p) {
        throw new errors/* UserError */.yo(`the draft is ${Math.ceil(bytes / 1024)} KiB, over the ${load/* MAX_SPEC_BYTES */.p / 1024} KiB a spec may be, so ${flags.out} was not written; write a spec that declares the topics and tables that matter (verify checks only what the spec declares)`);
    }
    (0,load/* parseSpec */.F9)(text, flags.out);
    (0,external_node_fs_.writeFileSync)((0,external_node_path_.resolve)(flags.out), text);
    for (const gap of gaps)
        progress(`not in the draft: ${gap}`);
    const counts = [
        spec.kafka && `${spec.kafka.topics.length} topic(s)`,
        spec.cassandra &&
            `${spec.cassandra.keyspaces.reduce((n, k) => n + k.tables.length, 0)} table(s)`,
        `${Object.keys(spec.compose.services).length} compose service(s)`,
    ].filter(Boolean);
    const next = flags.static ? 'infra-verify verify --static' : 'infra-verify verify';
    progress(`wrote ${flags.out}: ${counts.join(', ')}. Review it, then run: ${next}`);
}
const DEFAULT_ZOOKEEPER = 'localhost:2181';
/**
 * The roles init asks for: the compose file's, else the three of the seed. A ZooKeeper is asked
 * only where there is one: against an existing cluster when --zookeeper (or
 * INFRA_VERIFY_ZOOKEEPER) names one or the compose file declares one, on the twin unless its
 * profile runs KRaft. A KRaft cluster has none, and waiting for it would use up --timeout.
 */
function initCandidates(flags, fromCompose) {
    if (fromCompose)
        return fromCompose;
    const { zookeeper, ...withoutZookeeper } = types/* DEFAULT_ROLES */.q2;
    const none = flags.runtime === 'existing'
        ? !flags.zookeeper
        : flags.runtime !== 'compose' && profiles/* TWIN_TOPOLOGIES */.R[flags.profile].controller === 'kraft';
    return none ? withoutZookeeper : { zookeeper, ...withoutZookeeper };
}
async function runInit(flags) {
    if ((0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(flags.out)) && !flags.force) {
        throw new options/* UsageError */.eb(`${flags.out} exists; init never overwrites it unless you pass --force`);
    }
    const project = { directory: process.cwd(), ...(0,options/* composeSelection */.hn)(flags) };
    const date = new Date().toISOString().slice(0, 10);
    if (flags.static) {
        const draft = await draftFromCompose(project, flags.runInits);
        const origin = { runtime: 'the compose files alone (init --static)', date };
        writeDraft(flags, draft.spec, { ...origin, composeFile: draft.files.join(', ') }, draft.gaps);
        return options/* EXIT */.dc.ok;
    }
    const deadline = Date.now() + (0,options/* timeoutSeconds */.rv)(flags.timeout) * 1000;
    const compose = await composeFactsFor(project);
    const candidates = initCandidates(flags, compose ? (0,compose_facts/* rolesFromCompose */.Eu)(compose.facts) : undefined);
    // A ZooKeeper the compose file declares is dialled where compose publishes it by default.
    const zookeeper = flags.zookeeper ?? (candidates.zookeeper ? DEFAULT_ZOOKEEPER : undefined);
    const runtime = await (0,run.runtimeFor)((0,options/* stackRequest */.M$)({ ...flags, zookeeper }), project, candidates, options/* CLI_WORDING */.ml);
    await runtime.attach?.();
    const inspected = await inspect(runtime, candidates, deadline);
    const spec = draftSpec(inspected, compose?.facts);
    const origin = { runtime: `runtime ${runtime.name}`, date };
    writeDraft(flags, spec, compose ? { ...origin, composeFile: compose.model.files.join(', ') } : origin, []);
    return options/* EXIT */.dc.ok;
}


/***/ })

};
;