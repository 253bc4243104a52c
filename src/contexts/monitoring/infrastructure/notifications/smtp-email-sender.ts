import { performance } from 'node:perf_hooks';
import { createTransport, type Transporter } from 'nodemailer';
import { EmailSender } from '../../application/ports/notification-sender.js';
import { alertGroupText, type AlertGroupMessage } from '../../application/services/alert-group-message.js';
import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';

const MAX_ERROR_LENGTH = 500;

/**
 * Sends a group's notification as one plain-text email over SMTP (SMTP_URL, from ALERT_EMAIL_FROM).
 * A 5xx answer is permanent (the server refuses the message for good); anything else is retried.
 */
export class SmtpEmailSender extends EmailSender {
  private readonly transport: Transporter | undefined;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    timeoutMs: number,
  ) {
    super();
    this.transport =
      smtpUrl === undefined
        ? undefined
        : createTransport({
            url: smtpUrl,
            connectionTimeout: timeoutMs,
            greetingTimeout: timeoutMs,
            socketTimeout: timeoutMs,
          });
  }

  async send(to: readonly string[], message: AlertGroupMessage): Promise<AttemptOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    if (this.transport === undefined) {
      return { startedAt, durationMs: 0, error: 'no SMTP server is configured (SMTP_URL)', permanent: true };
    }
    const { subject, text } = alertGroupText(message);
    try {
      await this.transport.sendMail({ from: this.from, to: [...to], subject, text });
      return { startedAt, durationMs: performance.now() - started };
    } catch (error) {
      const responseCode = (error as { responseCode?: number }).responseCode;
      return {
        startedAt,
        durationMs: performance.now() - started,
        error: (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH),
        permanent: responseCode !== undefined && responseCode >= 500,
      };
    }
  }
}
