import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL inside the launcher: PGlite (PostgreSQL compiled to WebAssembly)
 * served over the wire protocol on 127.0.0.1, so the app connects with an
 * ordinary DATABASE_URL and needs no code of its own for the local case.
 */
export async function startEmbeddedPostgres(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  // PGlite is a single backend session. The socket server multiplexes clients
  // onto it message by message, so two live clients could split each other's
  // Parse/Bind/Execute; the app therefore keeps a pool of one connection. The
  // second slot only lets pg replace that connection (idle timeout, error) while
  // the old socket is still closing: with a limit of one the new one is refused.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
