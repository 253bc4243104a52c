import {
  RemoteModelRuntime,
  type RemoteTarget,
} from '../../../src/contexts/prediction/application/ports/remote-model-runtime.js';
import { RemoteUrls } from '../../../src/contexts/prediction/application/ports/remote-urls.js';
import type { PinnedVersion } from '../../../src/contexts/prediction/domain/deployment/variant.js';
import type { Tensor } from '../../../src/contexts/prediction/domain/tensor/tensor-spec.js';
import { settled } from '../model-registry/settled.js';

/** Answers every remote call with the target's variant name as a value; records the calls; a closed target refuses. */
export class ScriptedRemoteRuntime extends RemoteModelRuntime {
  readonly calls: { target: RemoteTarget; versionId: string; inputs: readonly Tensor[] }[] = [];
  private readonly closed = new Set<string>();

  closes(variant: string): this {
    this.closed.add(variant);
    return this;
  }

  infer(target: RemoteTarget, version: PinnedVersion, inputs: readonly Tensor[]): Promise<Tensor[]> {
    return settled(() => {
      this.calls.push({ target, versionId: version.versionId, inputs });
      return [{ name: 'y', datatype: 'BYTES', shape: [1], data: [target.variant] }];
    });
  }

  accepting(target: RemoteTarget): boolean {
    return !this.closed.has(target.variant);
  }
}

/** The outbound policy as a list of refused URLs. */
export class StubRemoteUrls extends RemoteUrls {
  private readonly refused = new Map<string, string>();

  refuses(url: string, reason: string): this {
    this.refused.set(url, reason);
    return this;
  }

  problemOf(url: string): string | undefined {
    return this.refused.get(url);
  }
}
