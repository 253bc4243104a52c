/** An allow-list entry: a host as the URL parser writes it, and the port it is allowed on (any when absent). */
export interface HostEntry {
  readonly host: string;
  readonly port?: string;
}

const HOST_ENTRY = /^(\[[0-9a-f:.]+\]|[^\s:/[\]@?#]+)(?::(\d{1,5}))?$/i;

/** Reads `models.internal`, `models.internal:8080`, `10.0.0.7:9000` or `[fd00::7]:443`; undefined when malformed. */
export function parseHostEntry(entry: string): HostEntry | undefined {
  const match = HOST_ENTRY.exec(entry.trim());
  if (match === null) return undefined;
  try {
    // The URL parser writes the host as a URL's hostname has it: lower case, punycode, IPv4 in
    // dotted decimal (0x7f.1 is 127.0.0.1), IPv6 compressed; so entries and URLs compare as equals.
    const host = new URL(`http://${match[1]}`).hostname.replace(/^\[|\]$/g, '');
    return { host, ...(match[2] === undefined ? {} : { port: match[2] }) };
  } catch {
    return undefined;
  }
}
