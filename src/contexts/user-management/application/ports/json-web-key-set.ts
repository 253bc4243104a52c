/** Port: the public keys that verify access tokens, published as a JSON Web Key Set (RFC 7517). */
export abstract class JsonWebKeySet {
  abstract jwks(): Promise<{ keys: object[] }>;
}
