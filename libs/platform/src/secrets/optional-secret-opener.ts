import type { Logger } from '@nestjs/common';
import type { SecretCipher } from './secret-cipher.js';
import { SecretNotOpened } from './secret-cipher.js';

// Bounds the memory of what was logged; past it, a row is logged once more, which is harmless.
const MAX_REMEMBERED = 10_000;

/**
 * Opens stored secrets for readers that can do without them: an API answer that shows a row (its
 * secret left out and marked unreadable), a change that keeps the stored value. A value no
 * configured key opens (its key was dropped too early, or it was altered) answers undefined instead
 * of throwing, and is logged once per row, key and process: a console polling a list every few
 * seconds must not fill the log with the same line. Other errors throw.
 */
export class OptionalSecretOpener {
  private readonly logged = new Set<string>();

  constructor(
    private readonly cipher: SecretCipher,
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  open(stored: string, boundTo: string): string | undefined {
    try {
      return this.cipher.open(stored, boundTo);
    } catch (error) {
      if (!(error instanceof SecretNotOpened)) throw error;
      this.logOnce(`${boundTo} is read without its secret: ${error.message}`);
      return undefined;
    }
  }

  private logOnce(message: string): void {
    if (this.logged.has(message)) return;
    if (this.logged.size >= MAX_REMEMBERED) this.logged.clear();
    this.logged.add(message);
    this.logger.error(message);
  }
}
