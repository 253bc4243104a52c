// s3rver checks a presigned URL's expiry but not its SigV4 signature. This Koa middleware does,
// as S3 does, so tests can show that a URL whose key, length or signature was changed is refused:
// it signs the request again with the SDK's own signer, at the URL's date, and compares.
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

// The query parameters the signature is made of, not over.
const SIGNING_PARAMETERS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
]);

/** The SDK's checksum interface over node:crypto: a hash, or an HMAC when given a secret. */
class Sha256 {
  constructor(secret) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data) {
    this.hash.update(data);
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

/** `20261207T022756Z` as a Date. */
function amzDate(text) {
  const [, y, mo, d, h, mi, s] = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text) ?? [];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

async function expectedSignature(url, method, headers, credentials) {
  const given = Object.fromEntries(url.searchParams);
  const query = Object.fromEntries(Object.entries(given).filter(([name]) => !SIGNING_PARAMETERS.has(name)));
  const signedHeaders = given['X-Amz-SignedHeaders'].split(';');
  const [, , region, service] = given['X-Amz-Credential'].split('/');
  const signed = Object.fromEntries(signedHeaders.map((name) => [name, headers[name] ?? '']));
  // The payload hash the presigner signed (UNSIGNED-PAYLOAD) travels in the query.
  if (given['X-Amz-Content-Sha256']) signed['X-Amz-Content-Sha256'] = given['X-Amz-Content-Sha256'];
  const signer = new SignatureV4({ credentials, region, service, sha256: Sha256, uriEscapePath: false });
  const request = {
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: signed,
  };
  const presigned = await signer.presign(request, {
    signingDate: amzDate(given['X-Amz-Date']),
    expiresIn: Number(given['X-Amz-Expires']),
    signableHeaders: new Set(signedHeaders),
  });
  return presigned.query['X-Amz-Signature'];
}

/** Refuses a presigned (query-signed SigV4) request whose signature does not match, with S3's 403. */
export function presignedSignatureCheck(credentials) {
  return async (ctx, next) => {
    const url = new URL(ctx.url, `http://${ctx.headers.host}`);
    const signature = url.searchParams.get('X-Amz-Signature');
    if (signature !== null && signature !== (await expectedSignature(url, ctx.method, ctx.headers, credentials))) {
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code>' +
        '<Message>The request signature we calculated does not match the signature you provided.</Message></Error>';
      return;
    }
    await next();
  };
}
