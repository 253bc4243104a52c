import { Injectable } from '@nestjs/common';
import type { DefinitionDocument } from '../../domain/definition/definition-document.js';
import { DefinitionSpec } from '../../domain/definition/definition-spec.js';

const CAPACITY = 500;

/**
 * Built specs by workflow version. Versions are immutable, so a spec built once stays right; every
 * report about a run loads its pinned version, and parsing a large definition's expressions each
 * time would cost more than the report itself.
 */
@Injectable()
export class VersionSpecs {
  private readonly specs = new Map<string, DefinitionSpec>();

  /** `load` reads the version's document; it is called only when the spec is not cached. */
  async of(workflowId: string, number: number, load: () => Promise<Record<string, unknown>>): Promise<DefinitionSpec> {
    const key = `${workflowId}@${number}`;
    const cached = this.specs.get(key);
    if (cached !== undefined) {
      // Map order is insertion order: moving a hit to the end makes the first entry the least recently used.
      this.specs.delete(key);
      this.specs.set(key, cached);
      return cached;
    }
    // Stored documents passed validation when their version was created.
    const { spec } = DefinitionSpec.build((await load()) as unknown as DefinitionDocument);
    if (this.specs.size >= CAPACITY) this.specs.delete(this.specs.keys().next().value!);
    this.specs.set(key, spec);
    return spec;
  }
}
