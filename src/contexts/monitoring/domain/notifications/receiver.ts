import { isUuid, type FieldProblem } from '@libs/ddd';
import type { WebhookUrlPolicy } from '../webhooks/webhook-url.policy.js';

/**
 * Where a route's notifications go: one of the project's webhooks (signed, retried and recorded as
 * its deliveries, docs/adr/0601), email addresses over SMTP, or a Slack-compatible incoming webhook.
 */
export type Receiver =
  | { readonly type: 'webhook'; readonly webhookId: string }
  | { readonly type: 'email'; readonly to: readonly string[] }
  | { readonly type: 'slack'; readonly url: string };

/**
 * A receiver as its project reads it back. A Slack one whose URL this server cannot read (its key is
 * no longer configured, docs/adr/0015) is listed without it; such a receiver is never sent to, as the
 * notifier's routes and the poller's notifications leave those rows out.
 */
export type ListedReceiver = Receiver | { readonly type: 'slack'; readonly urlUnreadable: true };

const MAX_RECEIVERS = 10;
const MAX_RECIPIENTS = 20;
// Deliberately plain: the SMTP server is the judge of an address; this only keeps out what no server would take.
const EMAIL = /^[^\s@<>,;"]{1,64}@[^\s@<>,;"]{1,253}$/;

export function parseReceivers(
  input: unknown,
  urls: WebhookUrlPolicy,
): { receivers: Receiver[]; problems: FieldProblem[] } {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_RECEIVERS) {
    return { receivers: [], problems: [{ field: 'receivers', message: `must list 1 to ${MAX_RECEIVERS} receivers` }] };
  }
  const problems: FieldProblem[] = [];
  const receivers = input.flatMap((item: unknown, index): Receiver[] => {
    const field = `receivers[${index}]`;
    const { type, webhookId, to, url } = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    if (type === 'webhook' && typeof webhookId === 'string' && isUuid(webhookId)) return [{ type, webhookId }];
    if (type === 'email' && Array.isArray(to) && to.length > 0 && to.length <= MAX_RECIPIENTS) {
      if (to.every((address) => typeof address === 'string' && EMAIL.test(address)))
        return [{ type, to: to as string[] }];
      problems.push({ field: `${field}.to`, message: 'must hold email addresses only' });
      return [];
    }
    if (type === 'slack' && typeof url === 'string') {
      const problem = urls.problem(url);
      if (problem === undefined) return [{ type, url }];
      problems.push({ field: `${field}.url`, message: problem });
      return [];
    }
    problems.push({
      field,
      message: `must be { type: 'webhook', webhookId }, { type: 'email', to: [1-${MAX_RECIPIENTS} addresses] } or { type: 'slack', url }`,
    });
    return [];
  });
  return { receivers, problems };
}
