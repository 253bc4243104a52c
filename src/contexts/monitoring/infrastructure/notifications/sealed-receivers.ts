import type { SecretCipher } from '@libs/platform';
import type { Receiver } from '../../domain/notifications/receiver.js';

/**
 * A Slack-compatible incoming webhook URL is its own credential: whoever has it posts to the
 * channel. These seal it inside a stored receiver and open it again (docs/adr/0015); `boundTo`
 * names the row, so a sealed URL moved to another row does not open. Other receivers hold no secret.
 */
export function sealReceiver(receiver: Receiver, cipher: SecretCipher, boundTo: string): Receiver {
  return receiver.type === 'slack' ? { ...receiver, url: cipher.seal(receiver.url, boundTo) } : receiver;
}

export function openReceiver(receiver: Receiver, cipher: SecretCipher, boundTo: string): Receiver {
  return receiver.type === 'slack' ? { ...receiver, url: cipher.open(receiver.url, boundTo) } : receiver;
}

/** The receiver as it should be stored under the current key, or undefined when it already is. */
export function resealedReceiver(receiver: Receiver, cipher: SecretCipher, boundTo: string): Receiver | undefined {
  if (receiver.type !== 'slack' || !cipher.needsResealing(receiver.url)) return undefined;
  return sealReceiver(openReceiver(receiver, cipher, boundTo), cipher, boundTo);
}
