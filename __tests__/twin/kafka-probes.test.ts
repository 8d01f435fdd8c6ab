// The Kafka probes on the shared twin, against a topic that does not exist: they must fail
// rather than create it (kafkajs clients default to allowAutoTopicCreation: true,
// and a probe that creates a missing topic hides exactly the drift it looks for).
//
// The twin's broker (like the compose one) has auto.create.topics.enable=false, so the broker
// alone would refuse the creation even from a careless client. That is why these tests also
// record the options each probe passes to the real kafkajs client it is given: on a broker
// that allows auto-creation, only allowAutoTopicCreation: false protects the drift check.
import { OPEN_CONNECTION } from '../../src/model/connection';
import { randomUUID } from 'node:crypto';
import type { ConsumerConfig, Kafka, ProducerConfig } from 'kafkajs';
import { connectKafka, produceProbes, readProbes } from '../../src/probes/kafka';
import { sharedTwin } from '../setup/twin';

jest.setTimeout(120_000);

const twin = sharedTwin();

/** The real client, recording the options of every producer and consumer made from it. */
function recording(kafka: Kafka): { producers: ProducerConfig[]; consumers: ConsumerConfig[] } {
  const made = { producers: [] as ProducerConfig[], consumers: [] as ConsumerConfig[] };
  const producer = kafka.producer.bind(kafka);
  const consumer = kafka.consumer.bind(kafka);
  kafka.producer = (config?: ProducerConfig) => {
    made.producers.push(config ?? {});
    return producer(config);
  };
  kafka.consumer = (config: ConsumerConfig) => {
    made.consumers.push(config);
    return consumer(config);
  };
  return made;
}

describe('Kafka probes against a topic that does not exist', () => {
  const missing = `infra-verify-missing-${randomUUID()}`;

  it('producing fails, creates nothing, and never asks for auto-creation', async () => {
    const connection = await connectKafka(twin.endpoints.kafkaBrokers, OPEN_CONNECTION.kafka);
    try {
      const made = recording(connection.kafka);
      await expect(produceProbes(connection.kafka, [missing], 'run', 'test')).rejects.toThrow();
      expect(await connection.admin.listTopics()).not.toContain(missing);
      expect(made.producers.length).toBeGreaterThan(0);
      for (const config of made.producers) expect(config.allowAutoTopicCreation).toBe(false);
    } finally {
      await connection.close();
    }
  });

  it('reading finds nothing, creates nothing, and never asks for auto-creation', async () => {
    const connection = await connectKafka(twin.endpoints.kafkaBrokers, OPEN_CONNECTION.kafka);
    try {
      const made = recording(connection.kafka);
      const record = { topic: missing, partition: 0, offset: '0', key: 'k', value: 'v' };
      const read = readProbes(connection.kafka, connection.admin, [record]).then(
        (found) => found.get(record) ?? null,
        () => null,
      );
      expect(await read).toBeNull();
      expect(await connection.admin.listTopics()).not.toContain(missing);
      expect(made.consumers.length).toBeGreaterThan(0);
      for (const config of made.consumers) expect(config.allowAutoTopicCreation).toBe(false);
    } finally {
      await connection.close();
    }
  });
});
