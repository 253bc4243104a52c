import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const CONSOLE_PATH = '/console';

/**
 * The console's policy: its scripts, styles and images are files from this origin, it speaks only to
 * this origin's API, and nothing inline runs (Vite emits no inline script; React sets styles through
 * the CSSOM, which style-src does not govern).
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Vite names every asset by its content hash, so a browser may keep one for good; index.html names
// the current assets and is fetched again each time.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built console (`directory`, Vite's output) under /console: its files as they are, and
 * index.html for any other path, so a deep link such as /console/runs/<id> reaches the client-side
 * router. Answers false, serving nothing, when the console has not been built.
 */
export async function serveConsole(app: NestFastifyApplication, directory: string): Promise<boolean> {
  const root = resolve(directory);
  if (!existsSync(join(root, 'index.html'))) return false;
  const indexPage = await readFile(join(root, 'index.html'), 'utf8');
  await app.register(async (instance: FastifyInstance) => {
    instance.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY);
      return payload;
    });
    await instance.register(fastifyStatic, {
      root,
      prefix: `${CONSOLE_PATH}/`,
      decorateReply: false,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply: FastifyReply) => void reply.header('cache-control', IMMUTABLE),
    });
    const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
      // A missing hashed asset is a 404, not the page: a stale page must not run HTML as a script.
      if (request.url.startsWith(`${CONSOLE_PATH}/assets/`)) {
        reply.callNotFound();
        return reply;
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexPage);
    };
    instance.get(CONSOLE_PATH, sendIndex);
    instance.get(`${CONSOLE_PATH}/*`, sendIndex);
  });
  return true;
}
