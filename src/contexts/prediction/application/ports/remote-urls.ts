/** Port: the outbound (SSRF) policy's verdict on a remote runtime's URL as far as it can tell without DNS. */
export abstract class RemoteUrls {
  /** Why the URL may not be called (a scheme or a literal address the policy refuses), or undefined. */
  abstract problemOf(url: string): string | undefined;
}
