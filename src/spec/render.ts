// `infra-verify init` writes the drafted spec as YAML with comments that say where each part
// came from and what to do with it. Pure: Spec in, text out.
import { Document, isMap, isPair, isScalar, type Pair } from 'yaml';
import { EDITOR_SCHEMA_URL } from './editor-schema';
import type { Spec } from './types';

export interface DraftOrigin {
  /** how the live stack was reached, e.g. "runtime local (the twin)" */
  runtime: string;
  /** the compose file read, if any */
  composeFile?: string;
  /** ISO date of the inspection */
  date: string;
}

const SECTION_COMMENTS: Record<string, (spec: Spec) => string> = {
  compose: () =>
    ' Services as the compose file declares them: `verify --static` checks the file against\n' +
    ' this, and a live run checks the containers.',
  zookeeper: () => ' ZooKeeper: the compose service and the container port it listens on.',
  kafka: (spec) =>
    ` Kafka: ${spec.kafka?.topics.length ?? 0} topic(s). configs lists only what is set on the topic\n` +
    ' itself; broker defaults are left out on purpose.' +
    (spec.kafka?.brokers === undefined
      ? ''
      : '\n brokers: the brokers registered at init; it turns on the Cluster Health checks.'),
  cassandra: (spec) =>
    ` Cassandra: ${spec.cassandra?.keyspaces.length ?? 0} user keyspace(s); system keyspaces are left out.\n` +
    " A table without defaultTtl or compaction keeps Cassandra's defaults and is not checked for them." +
    (spec.cassandra?.datacenters === undefined
      ? ''
      : "\n datacenters: the ring's nodes at init; it turns on the Cluster Health checks."),
  probes: () =>
    ' Round trips write a probe record to each topic and a probe row to one table, then remove\n' +
    ' them. Set roundTrip: false for a stack that must never be written to.',
  persistence: () => ' Stop and restart the stack and prove a record and a row survive.',
};

export function renderSpec(spec: Spec, origin: DraftOrigin): string {
  const doc = new Document(spec);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${EDITOR_SCHEMA_URL}`,
    ` Written by \`infra-verify init\` on ${origin.date} from ${origin.runtime}` +
      (origin.composeFile ? ` and ${origin.composeFile}.` : '.'),
    ' It declares what the stack showed, so verifying the same stack passes; review it, then',
    ' commit it. Any later drift from it fails `infra-verify verify`.',
  ].join('\n');
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (!isPair(item) || !isScalar((item as Pair).key)) continue;
      const key = String((item.key as { value: unknown }).value);
      const comment = SECTION_COMMENTS[key];
      if (comment) (item.key as { commentBefore?: string }).commentBefore = comment(spec);
    }
  }
  return doc.toString({ lineWidth: 0 });
}
