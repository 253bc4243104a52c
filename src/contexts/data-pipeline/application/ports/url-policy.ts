/** The outbound (SSRF) policy as far as it can judge a URL without resolving it, for refusing a definition when it is stored. */
export abstract class UrlPolicy {
  abstract problem(url: string): string | undefined;
}
