/** The credential a request presented: an access token or an API key. */
export interface AuthenticateRequestQuery {
  readonly credential: string;
}
