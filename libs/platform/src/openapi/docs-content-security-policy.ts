import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * The content security policy of the Swagger UI page. Its scripts are files served from the same
 * origin ('self'); its HTML template (from @nestjs/swagger) has two inline `<style>` blocks and one
 * `style` attribute, allowed by their hashes rather than by 'unsafe-inline'. The template is fixed,
 * so the hashes are taken once, from the page as it is sent, and follow it across upgrades.
 */
export function docsContentSecurityPolicy(html: string): string {
  const styleBlocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => hash(match[1]));
  const styleAttributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((match) => hash(match[1]));
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${styleBlocks.join(' ')}`.trim(),
    `style-src-attr 'unsafe-hashes' ${styleAttributes.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function hash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/** Replaces the API's policy on the HTML pages under `path` (the UI with and without a slash). */
export function serveDocsUnderTheirPolicy(fastify: FastifyInstance, path: string): void {
  const policies = new Map<string, string>();
  fastify.addHook('onSend', async (request, reply, payload) => {
    const isPage = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    if (!isPage || typeof payload !== 'string' || !request.url.startsWith(path)) return payload;
    let policy = policies.get(payload);
    if (policy === undefined) {
      policy = docsContentSecurityPolicy(payload);
      policies.set(payload, policy);
    }
    void reply.header('content-security-policy', policy);
    return payload;
  });
}
