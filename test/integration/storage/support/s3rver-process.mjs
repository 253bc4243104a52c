// Runs s3rver in a process of its own, for tests: its memory and CPU stay out of the test
// process's measurements, and Node flags it needs stay out of Jest's. Prints {"port":n} once
// listening; exits when its stdin closes, which happens even if the test process is killed.
// Unlike plain s3rver, it refuses presigned URLs whose SigV4 signature does not match.
import S3rver from 's3rver';
import { presignedSignatureCheck } from './presigned-signature-check.mjs';

const [directory] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
// First of its middleware, before s3rver's own authentication, which lets any V4 signature through.
server.middleware.unshift(presignedSignatureCheck({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }));
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.on('end', () => server.close().finally(() => process.exit(0)));
process.stdin.resume();
