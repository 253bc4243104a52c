import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  readonly from: string;
  readonly to: readonly string[];
  /** The raw message (headers and body) as the client sent it. */
  readonly raw: string;
  readonly receivedAt: number;
}

/**
 * A local SMTP server on a loopback port (plain, no authentication) that keeps every message it
 * accepts: the inbox the email receivers of alert routes are tested against.
 */
export class SmtpInbox {
  readonly received: ReceivedEmail[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        this.received.push({
          from: from === false ? '' : from.address,
          to: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
        });
        callback();
      });
    },
  });

  async start(): Promise<number> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  /** The Subject header of each message, in arrival order. */
  subjects(): string[] {
    return this.received.map((email) => /^Subject: (.*)$/m.exec(email.raw)?.[1]?.trim() ?? '');
  }
}
