/** The one signing algorithm: ES256 (P-256 ECDSA), compact keys and fast verification. */
export const SIGNING_ALGORITHM = 'ES256';
/** RFC 9068 access-token type; a token of any other `typ` is refused. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** How long a process trusts its cached view of the key table. */
export const KEY_CACHE_MS = 60_000;
