// The one internal of cassandra-driver 4.x that infra-verify touches (see protocol/cassandra.ts):
// each connection binds its socket to the driver's frame parser here.
declare module 'cassandra-driver/lib/connection' {
  import type { EventEmitter } from 'node:events';
  import type { Socket } from 'node:net';

  export default class Connection {
    netClient: Socket;
    protocol: EventEmitter;
    parser: EventEmitter;
    bindSocketListeners(): void;
  }
}
