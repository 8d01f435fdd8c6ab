// A denied call names the permission it lacked, from the errors the real drivers raise.
import { errors as cassandraErrors } from 'cassandra-driver';
import { KafkaJSNonRetriableError, KafkaJSProtocolError } from 'kafkajs';
import {
  cassandraNotAuthorized,
  kafkaDenial,
  kafkaNotAuthorized,
  NotAuthorized,
} from '../../src/protocol/denied';

// kafkajs builds these from its error table: { type, code, message, retriable }.
const ProtocolError = KafkaJSProtocolError as unknown as new (e: object) => Error;
const NonRetriable = KafkaJSNonRetriableError as unknown as new (
  e: Error,
  options: { cause: Error },
) => Error;
const topicDenied = () =>
  new ProtocolError({
    type: 'TOPIC_AUTHORIZATION_FAILED',
    code: 29,
    retriable: false,
    message: 'Not authorized to access topics: [Topic authorization failed]',
  });

describe('denied calls', () => {
  it('a Kafka denial names what was asked for that kind of resource', () => {
    // As kafkajs's retry wraps it: the protocol error kept as the cause.
    const denied = topicDenied();
    const wrapped = new NonRetriable(denied, { cause: denied });
    expect(kafkaDenial(wrapped)).toBe('topic');
    const named = kafkaNotAuthorized(wrapped, { topic: 'DescribeConfigs on topic channel-stats' });
    expect(named).toBeInstanceOf(NotAuthorized);
    expect((named as Error).message).toBe('not authorized: DescribeConfigs on topic channel-stats');
  });

  it('a Kafka error that is not a denial, or a denial of another kind, passes as it came', () => {
    const other = new Error('connect ECONNREFUSED');
    expect(kafkaNotAuthorized(other, { topic: 'Write on topic x' })).toBe(other);
    const denied = topicDenied();
    expect(kafkaNotAuthorized(denied, { group: 'Read on group g' })).toBe(denied);
  });

  it('a Cassandra denial keeps the permission, the resource and the user the server named', () => {
    const error = new cassandraErrors.ResponseError(
      0x2100,
      'User readonly has no MODIFY permission on <table twitch_chat.messages> or any of its parents',
    );
    expect((cassandraNotAuthorized(error) as Error).message).toBe(
      'not authorized: MODIFY on table twitch_chat.messages (user readonly)',
    );
    const other = new Error('Keyspace x does not exist');
    expect(cassandraNotAuthorized(other)).toBe(other);
  });
});
