/**
 * Port: what the outbound (SSRF) policy says of a URL before anything connects to it (a malformed
 * URL, a refused scheme, a private address written in it), and whether plain http is allowed.
 */
export abstract class WebhookUrlPolicy {
  abstract problem(url: string): string | undefined;
  abstract readonly allowsHttp: boolean;
}
