// A guard on a client's raw socket for protocols framed as a header that announces the body's
// length (Kafka, CQL): it follows the framing before the driver sees a byte, so a frame that no
// real server would send ends the connection with an error instead of filling memory, and an
// exception thrown by the driver's own decoder ends the connection instead of the process.
import type { Socket } from 'node:net';

export interface Framing {
  headerBytes: number;
  /** the body length a header announces, or why no real server would send that header */
  bodyBytes(header: Buffer): number | string;
}

export function guardFrames(socket: Socket, framing: Framing): void {
  let header = Buffer.alloc(0);
  let remaining = 0;
  const accept = (chunk: Buffer): string | undefined => {
    let offset = 0;
    while (offset < chunk.length) {
      if (remaining > 0) {
        const take = Math.min(remaining, chunk.length - offset);
        remaining -= take;
        offset += take;
        continue;
      }
      const take = Math.min(framing.headerBytes - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < framing.headerBytes) return undefined;
      const body = framing.bodyBytes(header);
      header = Buffer.alloc(0);
      if (typeof body === 'string') return body;
      remaining = body;
    }
    return undefined;
  };
  const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => boolean;
  socket.emit = ((event: string, ...args: unknown[]) => {
    if (event !== 'data') return emit(event, ...args);
    const problem = accept(args[0] as Buffer);
    if (problem) {
      socket.destroy(new Error(problem));
      return false;
    }
    try {
      return emit(event, ...args);
    } catch (error) {
      socket.destroy(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
  }) as Socket['emit'];
}
