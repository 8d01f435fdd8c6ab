// A read that a just-restarted Cassandra node cannot serve yet is asked again, a few times; any
// other error ends it at once.
import { errors, types } from 'cassandra-driver';
import { retryingTransient } from '../../src/probes/cassandra';

const readTimeout = () =>
  new errors.ResponseError(
    types.responseErrorCodes.readTimeout,
    'Server timeout during read query at consistency LOCAL_ONE (0 replica(s) responded over 1 required)',
  );

/** A read that fails with each error given, in order, and then answers. */
function readFailing(...failures: Error[]) {
  const calls = { count: 0 };
  const read = async () => {
    const failure = failures[calls.count++];
    if (failure) throw failure;
    return 'row';
  };
  return { read, calls };
}

it('asks again while the node answers with a read timeout, then returns the row', async () => {
  const { read, calls } = readFailing(readTimeout(), readTimeout());
  await expect(retryingTransient(read, 1)).resolves.toBe('row');
  expect(calls.count).toBe(3);
});

it('gives up after four tries and throws the node’s own answer', async () => {
  const { read, calls } = readFailing(readTimeout(), readTimeout(), readTimeout(), readTimeout());
  await expect(retryingTransient(read, 1)).rejects.toThrow(/Server timeout during read query/);
  expect(calls.count).toBe(4);
});

it('throws any other error at once', async () => {
  const denied = new errors.ResponseError(types.responseErrorCodes.unauthorized, 'no SELECT');
  const { read, calls } = readFailing(denied);
  await expect(retryingTransient(read, 1)).rejects.toThrow('no SELECT');
  expect(calls.count).toBe(1);
});
