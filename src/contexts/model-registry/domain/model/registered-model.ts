import { AggregateRoot, newId, ValidationError } from '@libs/ddd';
import { checkedDescription, checkedTags, type Tags } from '../labels.js';
import { checkedAliasName, checkedModelName } from '../names.js';
import { checkedRules, type PromotionRule } from '../promotion/promotion-rule.js';

export type PromotionPolicies = Readonly<Record<string, readonly PromotionRule[]>>;

export interface RegisteredModelState {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly tags: Tags;
  /** Aliases only Approved versions may take. */
  readonly protectedAliases: readonly string[];
  /** Per alias, the rules a version must pass before the alias moves to it. */
  readonly promotionPolicies: PromotionPolicies;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ModelChanges {
  readonly description?: string;
  readonly tags?: Tags;
}

/** How an alias is governed: protection and promotion rules change together, by approvers. */
export interface AliasPolicy {
  readonly protected: boolean;
  /** Empty: no rules beyond protection. */
  readonly rules: readonly PromotionRule[];
}

const MAX_POLICIES = 50;

/** A named model of a project; its versions, aliases and card are aggregates of their own. */
export class RegisteredModel extends AggregateRoot {
  private constructor(
    private state: RegisteredModelState,
    version: number,
  ) {
    super(state.id, version);
  }

  static register(
    input: { projectId: string; name: string; createdBy: string; protectedAliases?: readonly string[] } & ModelChanges,
    now = new Date(),
  ): RegisteredModel {
    return new RegisteredModel(
      {
        id: newId(),
        projectId: input.projectId,
        name: checkedModelName(input.name),
        description: checkedDescription(input.description ?? ''),
        tags: checkedTags(input.tags ?? {}),
        protectedAliases: checkedAliases(input.protectedAliases ?? []),
        promotionPolicies: {},
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      },
      0,
    );
  }

  static restore(state: RegisteredModelState, version: number): RegisteredModel {
    return new RegisteredModel(state, version);
  }

  get snapshot(): RegisteredModelState {
    return this.state;
  }
  get projectId(): string {
    return this.state.projectId;
  }
  get name(): string {
    return this.state.name;
  }

  isProtected(alias: string): boolean {
    return this.state.protectedAliases.includes(alias);
  }

  policyFor(alias: string): readonly PromotionRule[] {
    return Object.hasOwn(this.state.promotionPolicies, alias) ? this.state.promotionPolicies[alias] : [];
  }

  update(changes: ModelChanges, at = new Date()): void {
    this.state = {
      ...this.state,
      ...(changes.description !== undefined && { description: checkedDescription(changes.description) }),
      ...(changes.tags !== undefined && { tags: checkedTags(changes.tags) }),
      updatedAt: at,
    };
  }

  setAliasPolicy(alias: string, policy: AliasPolicy, at = new Date()): void {
    const name = checkedAliasName(alias);
    const policies = { ...this.state.promotionPolicies };
    if (policy.rules.length === 0) delete policies[name];
    else policies[name] = checkedRules(policy.rules);
    if (Object.keys(policies).length > MAX_POLICIES) {
      throw new ValidationError('Too many promotion policies', [
        { field: 'alias', message: `at most ${MAX_POLICIES}` },
      ]);
    }
    const others = this.state.protectedAliases.filter((protectedAlias) => protectedAlias !== name);
    this.state = {
      ...this.state,
      promotionPolicies: policies,
      protectedAliases: policy.protected ? checkedAliases([...others, name]) : others,
      updatedAt: at,
    };
  }
}

function checkedAliases(aliases: readonly string[]): string[] {
  return [...new Set(aliases.map(checkedAliasName))].sort();
}
