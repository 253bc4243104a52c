/** The user an access token was issued to, once it is verified; undefined for a token that is not. */
export abstract class AccessTokenReader {
  abstract userOf(token: string): Promise<string | undefined>;
}
