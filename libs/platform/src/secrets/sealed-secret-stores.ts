import { Injectable } from '@nestjs/common';

/** A column of sealed secrets that can rewrite its rows under the current key. */
export interface SealedSecretStore {
  /** `<schema>.<table>.<column>`: what the re-sealing command reports. */
  readonly name: string;
  /** Seals plaintext rows and re-seals rows of older keys; answers how many it rewrote. */
  reseal(): Promise<number>;
}

/**
 * The stores of sealed secrets the hosted contexts contribute, so `npm run secrets:reseal` reaches
 * every one without the platform knowing them (docs/adr/0015).
 */
@Injectable()
export class SealedSecretStores {
  private readonly stores = new Map<string, SealedSecretStore>();

  register(store: SealedSecretStore): void {
    this.stores.set(store.name, store);
  }

  /** One store after the other, each in full: the report of how many rows each rewrote. */
  async resealAll(): Promise<{ name: string; resealed: number }[]> {
    const report: { name: string; resealed: number }[] = [];
    for (const store of this.stores.values()) report.push({ name: store.name, resealed: await store.reseal() });
    return report;
  }
}
