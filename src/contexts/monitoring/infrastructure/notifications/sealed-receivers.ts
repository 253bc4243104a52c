import type { OptionalSecretOpener, SecretCipher } from '@libs/platform';
import type { ListedReceiver, Receiver } from '../../domain/notifications/receiver.js';

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

/** The receiver as its project reads it back: a Slack URL no configured key opens is left out, marked so. */
export function listedReceiver(receiver: Receiver, secrets: OptionalSecretOpener, boundTo: string): ListedReceiver {
  if (receiver.type !== 'slack') return receiver;
  const url = secrets.open(receiver.url, boundTo);
  return url === undefined ? { type: 'slack', urlUnreadable: true } : { ...receiver, url };
}

/** The receiver as it should be stored under the current key, or undefined when it already is. */
export function resealedReceiver(receiver: Receiver, cipher: SecretCipher, boundTo: string): Receiver | undefined {
  if (receiver.type !== 'slack' || !cipher.needsResealing(receiver.url)) return undefined;
  return sealReceiver(openReceiver(receiver, cipher, boundTo), cipher, boundTo);
}
