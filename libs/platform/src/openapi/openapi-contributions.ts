import type { OpenAPIObject } from '@nestjs/swagger';

/** Adds to the document what decorators cannot know before start-up (e.g. the task types registered then). */
export type OpenApiContribution = (document: OpenAPIObject) => void;

/** `instance`: only this process's routes (header `x-openapi-scope: instance`); `served`: whatever it serves. */
export type DocumentScope = 'instance' | 'served';

/** The request header by which a caller asks for the `instance` scope. */
export const OPENAPI_SCOPE_HEADER = 'x-openapi-scope';

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
  private servedDocument: (own: OpenAPIObject, scope: DocumentScope) => OpenAPIObject = (own) => own;

  constructor(readonly tags: readonly OpenApiTag[] = []) {}

  add(contribution: OpenApiContribution): void {
    this.contributions.push(contribution);
  }

  applyTo(document: OpenAPIObject): void {
    for (const contribute of this.contributions) contribute(document);
  }

  /**
   * What `/docs` serves instead of this process's own document, decided on each request: the
   * gateway serves one merged from every registered instance's, which changes as they come and go.
   * A request asking for `instance` scope (the gateways reading each other) gets the own one.
   */
  serveInstead(document: (own: OpenAPIObject, scope: DocumentScope) => OpenAPIObject): void {
    this.servedDocument = document;
  }

  served(own: OpenAPIObject, scope: DocumentScope): OpenAPIObject {
    return this.servedDocument(own, scope);
  }
}
