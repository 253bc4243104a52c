import type { OpenAPIObject } from '@nestjs/swagger';

/** Adds to the document what decorators cannot know before start-up (e.g. the task types registered then). */
export type OpenApiContribution = (document: OpenAPIObject) => void;

/** A tag of the document: one per hosted context, and `platform`. */
export interface OpenApiTag {
  readonly name: string;
  readonly description?: string;
}

/**
 * What the hosted contexts add to the OpenAPI document: their tags, and contributions that run
 * when the document is built, after every module has started, so they see registries filled then.
 */
export class OpenApiContributions {
  private readonly contributions: OpenApiContribution[] = [];

  constructor(readonly tags: readonly OpenApiTag[] = []) {}

  add(contribution: OpenApiContribution): void {
    this.contributions.push(contribution);
  }

  applyTo(document: OpenAPIObject): void {
    for (const contribute of this.contributions) contribute(document);
  }
}
