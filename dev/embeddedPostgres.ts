import fs from 'node:fs';
import net from 'node:net';
import { PGlite } from '@electric-sql/pglite';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const MAX_STARTUP_LENGTH = 10_000;

// Messages after which the client waits for an answer: the accumulated unit
// goes to PGlite here. Sync/Query end a unit of work; Flush, password and
// COPY messages are passed through at their point.
const UNIT_END = new Set(['S', 'Q', 'H', 'p', 'c', 'd', 'f']);

interface Connection {
  socket: net.Socket;
  buffer: Buffer;
  started: boolean;
  pending: Buffer[];
  closed: boolean;
}

interface Unit {
  conn: Connection;
  /** Concatenated wire messages; undefined = the connection is gone, clean up after it. */
  bytes?: Buffer;
}

/**
 * PostgreSQL (PGlite, in WebAssembly) served over the wire protocol on loopback,
 * so the API and the worker connect to it like to any PostgreSQL.
 * `dataDir` undefined keeps the database in memory (tests).
 *
 * PGlite is ONE session, and the pools of the API and the worker share it. A
 * connection's messages are therefore handed to PGlite only as whole units
 * (up to Sync or Query) and one unit at a time: per-message queueing (as in
 * @electric-sql/pglite-socket) lets another connection's Parse replace our
 * unnamed statement between our Parse and Sync. A connection that leaves a
 * transaction (or an unfinished extended-protocol sequence) open keeps the
 * session until it closes it, so transactions stay isolated.
 *
 * Limits of sharing one session: named prepared statements, SET, temp tables
 * and advisory locks are shared by all connections; COPY is untested.
 */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port: number }): Promise<EmbeddedPostgres> {
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create(opts.dataDir);

  const connections = new Set<Connection>();
  const queue: Unit[] = [];
  /** Connection holding the session between units (open transaction). */
  let owner: Connection | null = null;
  let pumping: Promise<void> = Promise.resolve();
  let running = false;
  let stopping = false;

  const write = (conn: Connection, data: Uint8Array) => {
    // Copy: the chunk may be a view into WASM memory.
    if (!conn.closed && data.length > 0) conn.socket.write(Buffer.from(data));
  };

  async function runUnit(unit: Unit): Promise<void> {
    const { conn, bytes } = unit;
    if (!bytes) {
      // The connection closed: finish any half-sent extended sequence (Sync)
      // and roll back its transaction so it does not block everyone.
      if (owner === conn) {
        await db.runExclusive(async () => {
          await db.execProtocolRaw(message('S', Buffer.alloc(0)));
          if (db.isInTransaction()) await db.execProtocolRaw(message('Q', cstring('ROLLBACK')));
        });
        owner = null;
      }
      return;
    }
    let tail = Buffer.alloc(0);
    try {
      await db.runExclusive(() =>
        db.execProtocolRawStream(bytes, {
          onRawData: (chunk) => {
            tail = Buffer.concat([tail, Buffer.from(chunk.subarray(Math.max(0, chunk.length - 6)))]).subarray(-6);
            write(conn, chunk);
          },
        }),
      );
    } catch (err) {
      conn.socket.destroy(err instanceof Error ? err : new Error(String(err)));
    }
    // ReadyForQuery ('Z', length 5, status) ends the answer to Sync/Query;
    // without it (Flush, COPY) the connection is mid-sequence.
    const ready = tail.length === 6 && tail[0] === 0x5a && tail.readInt32BE(1) === 5;
    owner = db.isInTransaction() || !ready ? conn : null;
  }

  function pump(): void {
    if (running) return;
    running = true;
    pumping = (async () => {
      for (;;) {
        if (stopping) queue.length = 0;
        // While a connection holds the session only its units may run.
        const i = owner ? queue.findIndex((u) => u.conn === owner) : queue.length > 0 ? 0 : -1;
        if (i < 0) break;
        const [unit] = queue.splice(i, 1);
        try {
          await runUnit(unit);
        } catch {
          // Only the cleanup can throw here; nothing left to answer to.
          if (owner === unit.conn) owner = null;
        }
      }
      // Cleared in the same tick as the last look at the queue: no unit is missed.
      running = false;
    })();
  }

  const submit = (conn: Connection, bytes?: Buffer) => {
    queue.push({ conn, bytes });
    pump();
  };

  function close(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    conn.pending = [];
    connections.delete(conn);
    conn.socket.destroy();
    // Queued after this connection's units, which still run (a COMMIT sent
    // just before closing must not be lost).
    submit(conn);
  }

  function onData(conn: Connection, data: Buffer): void {
    conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, data]) : data;
    while (!conn.closed) {
      const buf = conn.buffer;
      if (!conn.started) {
        // Startup phase: int32 length + int32 code, no type byte.
        if (buf.length < 8) return;
        const length = buf.readInt32BE(0);
        if (length < 8 || length > MAX_STARTUP_LENGTH) return close(conn);
        if (buf.length < length) return;
        const code = buf.readInt32BE(4);
        const msg = buf.subarray(0, length);
        conn.buffer = buf.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          conn.socket.write('N');
        } else if (code !== CANCEL_REQUEST && code >>> 16 === 3) {
          conn.started = true;
          submit(conn, Buffer.from(msg));
        } else {
          // CancelRequest (unsupported: one session, nothing to cancel safely) or an unknown protocol.
          return close(conn);
        }
        continue;
      }
      if (buf.length < 5) return;
      const length = buf.readInt32BE(1);
      if (length < 4) return close(conn);
      if (buf.length < length + 1) return;
      const type = String.fromCharCode(buf[0]);
      const msg = buf.subarray(0, length + 1);
      conn.buffer = buf.subarray(length + 1);
      if (type === 'X') return close(conn);
      conn.pending.push(msg);
      if (UNIT_END.has(type)) {
        submit(conn, Buffer.concat(conn.pending));
        conn.pending = [];
      }
    }
  }

  const server = net.createServer((socket) => {
    if (stopping) return socket.destroy();
    socket.setNoDelay(true);
    const conn: Connection = { socket, buffer: Buffer.alloc(0), started: false, pending: [], closed: false };
    connections.add(conn);
    socket.on('data', (data) => onData(conn, data));
    socket.on('error', () => close(conn));
    socket.on('close', () => close(conn));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      stopping = true;
      for (const conn of [...connections]) close(conn);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pumping;
      await db.close();
    },
  };
}

function cstring(s: string): Buffer {
  return Buffer.concat([Buffer.from(s, 'utf8'), Buffer.from([0])]);
}

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
