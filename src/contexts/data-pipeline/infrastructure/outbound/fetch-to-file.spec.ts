import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OutboundPolicy } from '@libs/outbound';
import { TableDirectory } from '../../../../../test/support/data-pipeline/table-files.js';
import { PipelineStepRefused } from '../../domain/errors.js';
import { fetchToFile } from './fetch-to-file.js';

const CSV = 'id,name\n1,a\n2,b\n';
const open = new OutboundPolicy({
  allowedSchemes: ['http', 'https'],
  allowPrivateNetworks: true,
  allowedPrivateHosts: [],
});
const strict = new OutboundPolicy({
  allowedSchemes: ['http', 'https'],
  allowPrivateNetworks: false,
  allowedPrivateHosts: [],
});

describe('fetchToFile', () => {
  let server: Server;
  let base: string;
  let directory: TableDirectory;
  let files = 0;
  const target = () => join(directory.path, `download-${(files += 1)}`);

  beforeAll(async () => {
    directory = await TableDirectory.create();
    server = createServer((request, response) => {
      if (request.url === '/table.csv') response.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
      else if (request.url === '/moved') response.writeHead(302, { location: '/table.csv' }).end();
      else if (request.url === '/big') response.writeHead(200).end('x'.repeat(10_000));
      else response.writeHead(404).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await directory.remove();
  });

  it('streams the body of a 2xx answer into the file, following redirects', async () => {
    const [direct, redirected] = [target(), target()];
    await fetchToFile(open, `${base}/table.csv`, direct, 1024);
    await fetchToFile(open, `${base}/moved`, redirected, 1024);
    expect(await readFile(direct, 'utf8')).toBe(CSV);
    expect(await readFile(redirected, 'utf8')).toBe(CSV);
  });

  it('refuses the step for an answer other than 2xx, and for a body over the limit, leaving no file', async () => {
    const [missing, big] = [target(), target()];
    await expect(fetchToFile(open, `${base}/nothing`, missing, 1024)).rejects.toThrow(
      new PipelineStepRefused('the URL answered HTTP 404'),
    );
    await expect(fetchToFile(open, `${base}/big`, big, 1024)).rejects.toBeInstanceOf(PipelineStepRefused);
    await expect(stat(big)).rejects.toThrow();
  });

  it('refuses a private address under the default policy, before connecting', async () => {
    const refused = fetchToFile(strict, `${base}/table.csv`, target(), 1024);
    await expect(refused).rejects.toBeInstanceOf(PipelineStepRefused);
    await expect(refused).rejects.toThrow(/the URL is refused: 127\.0\.0\.1 is not a public address/);
  });
});
