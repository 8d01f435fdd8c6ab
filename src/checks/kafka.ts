// Checklist section "Kafka Topics": per topic exists, partitions, replication factor and each
// config that must be set on the topic; then produce and consume across the topics.
import type { ObservedState, ObservedTopic } from '../model/observed';
import type { Spec, TopicSpec } from '../spec/types';
import type { Gates } from './gates';
import { compare, mismatch, needs, pass, toResult, type Locate, type Outcome } from './outcome';
import { kafkaRoundTripChecks } from './probes';
import type { CheckResult } from '../model/report';

const SECTION = 'Kafka Topics';

export function kafkaChecks(
  spec: Spec,
  observed: ObservedState,
  gates: Gates,
  locate: Locate,
): CheckResult[] {
  // A stack without Kafka has no Kafka section at all.
  if (!spec.kafka) return [];
  const results: CheckResult[] = [];
  const existing: string[] = [];
  const observedTopics = observed.kafka.ok ? observed.kafka.value : {};
  const notAsked = new Set(observed.kafkaNotAsked?.topics);
  spec.kafka.topics.forEach((topic, index) => {
    const path = ['kafka', 'topics', index];
    const base = `kafka.topic.${topic.name}`;
    const found = observedTopics[topic.name];
    const denied = observed.kafkaDenied?.[topic.name];
    const exists = toResult(
      locate,
      {
        id: `${base}.exists`,
        section: SECTION,
        title: `\`${topic.name}\` topic exists`,
        path: [...path, 'name'],
      },
      gates.kafka.use(() => {
        if (found) return pass(`${topic.name}: exists`);
        // Not listed, but not known to be missing either: the principal may not see it.
        if (denied) return { status: 'error', message: denied };
        if (notAsked.has(topic.name)) {
          const most = observed.kafkaNotAsked?.askedAtMost;
          const why = `only the first ${most} unlisted topics are asked whether they are missing or hidden from this principal`;
          return mismatch(topic.name, 'topic', 'present', `not listed (${why})`);
        }
        return mismatch(topic.name, 'topic', 'present', 'missing');
      }),
    );
    results.push(exists);
    if (exists.status === 'pass') existing.push(topic.name);
    const child = (
      suffix: string,
      title: string,
      subPath: (string | number)[],
      judge: (t: ObservedTopic) => Outcome,
    ) =>
      toResult(
        locate,
        {
          id: `${base}.${suffix}`,
          section: SECTION,
          title,
          path: [...path, ...subPath],
          parent: exists.id,
        },
        needs([exists], () => judge(found as ObservedTopic)),
      );
    results.push(
      child('partitions', `${topic.partitions} partitions`, ['partitions'], (t) =>
        compare(topic.name, 'partitions', String(topic.partitions), String(t.partitions)),
      ),
      child(
        'replication-factor',
        `Replication factor ${topic.replicationFactor}`,
        ['replicationFactor'],
        (t) =>
          compare(
            topic.name,
            'replication factor',
            String(topic.replicationFactor),
            describeReplication(t),
          ),
      ),
      ...Object.entries(topic.configs).map(([key, value]) =>
        child(`config.${key}`, configTitle(key, value), ['configs', key], (t) =>
          configOutcome(topic, key, t),
        ),
      ),
    );
  });
  results.push(...kafkaRoundTripChecks(spec, observed, existing, locate));
  return results;
}

/** Every partition's replica count; one number when they agree, as they should. */
function describeReplication(topic: ObservedTopic): string {
  const distinct = [...new Set(topic.replicationFactors)];
  return distinct.length === 1
    ? String(distinct[0])
    : topic.replicationFactors.join(',') || 'no partitions';
}

/** The seed's wording for the two configs it names; anything else by key and value. */
function configTitle(key: string, value: string): string {
  if (key.startsWith('retention.')) return `Retention policy set (${key}=${value})`;
  if (key === 'cleanup.policy' && value.includes('compact'))
    return 'Log compaction enabled (cleanup.policy=compact)';
  return `${key}=${value} set on the topic`;
}

function configOutcome(topic: TopicSpec, key: string, observed: ObservedTopic): Outcome {
  const expected = topic.configs[key];
  const onTopic = observed.topicConfigs[key];
  if (onTopic !== undefined) return compare(topic.name, key, expected, onTopic);
  // Inherited from the broker is not "set on the topic", even when the value happens to match.
  const effective = observed.effectiveConfigs[key];
  const actual = `not set on the topic (effective ${effective ?? 'unknown'})`;
  return mismatch(topic.name, key, expected, actual);
}
