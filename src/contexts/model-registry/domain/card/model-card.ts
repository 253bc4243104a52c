import { AggregateRoot, ValidationError } from '@libs/ddd';
import { ModelCardFinal } from '../errors.js';

export const MODEL_CARD_SECTIONS = [
  'intendedUse',
  'limitations',
  'evaluationData',
  'ethicalConsiderations',
  'markdown',
] as const;
export type ModelCardSection = (typeof MODEL_CARD_SECTIONS)[number];
export type ModelCardContent = Readonly<Record<ModelCardSection, string>>;

export interface ModelCardState {
  readonly versionId: string;
  readonly status: 'draft' | 'final';
  readonly content: ModelCardContent;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly finalizedAt?: Date;
}

const MAX_SECTION = 100_000;

/** The documentation of one model version (after Mitchell et al.); a final card never changes. */
export class ModelCard extends AggregateRoot {
  private constructor(
    private state: ModelCardState,
    version: number,
  ) {
    super(state.versionId, version);
  }

  static draft(versionId: string): ModelCard {
    const empty = Object.fromEntries(MODEL_CARD_SECTIONS.map((section) => [section, ''])) as ModelCardContent;
    return new ModelCard({ versionId, status: 'draft', content: empty, updatedBy: '', updatedAt: new Date(0) }, 0);
  }

  static restore(state: ModelCardState, version: number): ModelCard {
    return new ModelCard(state, version);
  }

  get snapshot(): ModelCardState {
    return this.state;
  }
  get isFinal(): boolean {
    return this.state.status === 'final';
  }

  write(content: Partial<ModelCardContent>, actorId: string, at: Date): void {
    if (this.isFinal) throw new ModelCardFinal();
    for (const [section, text] of Object.entries(content)) {
      if (text.length > MAX_SECTION) {
        throw new ValidationError('A model card section is too long', [
          { field: section, message: `at most ${MAX_SECTION} characters` },
        ]);
      }
    }
    this.state = { ...this.state, content: { ...this.state.content, ...content }, updatedBy: actorId, updatedAt: at };
  }

  finalize(actorId: string, at: Date): void {
    if (this.isFinal) throw new ModelCardFinal();
    this.state = { ...this.state, status: 'final', updatedBy: actorId, updatedAt: at, finalizedAt: at };
  }
}
