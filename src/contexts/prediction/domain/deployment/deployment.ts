import { AggregateRoot, isUuid, newId, ValidationError } from '@libs/ddd';
import { DEFAULT_MIN_FEEDBACK } from '../routing/thompson-sampling.js';
import { ROUTING_MODES, type Routing } from '../routing/traffic-router.js';
import { servingOptions, type ServingOptions, type ServingOptionsInput } from './serving-options.js';
import { checkVariants, type PinnedVersion, type Variant } from './variant.js';

export const DEPLOYMENT_STATUSES = ['Active'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export interface DeploymentState {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly description: string;
  readonly routing: Routing;
  readonly variants: readonly Variant[];
  readonly serving: ServingOptions;
  readonly status: DeploymentStatus;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewDeployment {
  readonly projectId: string;
  readonly name: string;
  readonly description?: string;
  readonly routing: Routing;
  readonly variants: readonly Variant[];
  readonly serving?: ServingOptionsInput;
  readonly createdBy: string;
  readonly at: Date;
}

export interface DeploymentChanges {
  readonly description?: string;
  readonly routing: Routing;
  readonly variants: readonly Variant[];
  /** Omitted: the options stay; given: its values replace those it names. */
  readonly serving?: ServingOptionsInput;
  readonly at: Date;
}

/** A variant moved from one pinned version to another as its alias moved. */
export interface VariantRoll {
  readonly variant: string;
  readonly from: PinnedVersion;
  readonly to: PinnedVersion;
}

// A DNS label: the name is the model name of the Open Inference Protocol, in URLs of every client.
const DEPLOYMENT_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;

/** A stable endpoint of a project in front of one or more model versions, with the rule that splits traffic between them. */
export class Deployment extends AggregateRoot {
  private constructor(
    private state: DeploymentState,
    version: number,
  ) {
    super(state.id, version);
  }

  static create(input: NewDeployment): Deployment {
    const name = input.name.trim();
    // A name shaped like an id would be read as one where a deployment is addressed by either.
    if (!DEPLOYMENT_NAME.test(name) || isUuid(name))
      throw new ValidationError(
        'The deployment name is invalid',
        [{ field: 'name', message: 'a DNS label (lower-case letters, digits, inner dashes, at most 63), not an id' }],
        'invalid-deployment-name',
      );
    return new Deployment(
      {
        id: newId(),
        projectId: input.projectId,
        name,
        description: input.description?.trim() ?? '',
        routing: checkedRouting(input.routing),
        variants: checkedVariantList(input.variants),
        serving: servingOptions(input.serving),
        status: 'Active',
        createdBy: input.createdBy,
        createdAt: input.at,
        updatedAt: input.at,
      },
      0,
    );
  }

  static restore(state: DeploymentState, version: number): Deployment {
    return new Deployment(state, version);
  }

  /** Replaces the routing and the variants as a whole, so the new split is never mixed with the old. */
  change(changes: DeploymentChanges): void {
    this.state = {
      ...this.state,
      description: changes.description?.trim() ?? this.state.description,
      routing: checkedRouting(changes.routing),
      variants: checkedVariantList(changes.variants),
      serving: servingOptions(changes.serving, this.state.serving),
      updatedAt: changes.at,
    };
  }

  /**
   * Pins the variants that follow `modelName@alias` to the version the alias names now; answers
   * what moved (nothing when they serve it already, so a redelivered alias move changes nothing).
   */
  followAlias(modelName: string, alias: string, version: PinnedVersion, at: Date): VariantRoll[] {
    const rolls: VariantRoll[] = [];
    const variants = this.state.variants.map((variant) => {
      const { model } = variant;
      if (model.kind !== 'alias' || model.modelName !== modelName || model.alias !== alias) return variant;
      if (variant.version.versionId === version.versionId) return variant;
      rolls.push({ variant: variant.name, from: variant.version, to: version });
      return { ...variant, version };
    });
    if (rolls.length > 0) this.state = { ...this.state, variants, updatedAt: at };
    return rolls;
  }

  get snapshot(): DeploymentState {
    return this.state;
  }

  get projectId(): string {
    return this.state.projectId;
  }

  get name(): string {
    return this.state.name;
  }

  get variants(): readonly Variant[] {
    return this.state.variants;
  }

  get serving(): ServingOptions {
    return this.state.serving;
  }

  get routing(): Routing {
    return this.state.routing;
  }

  variant(name: string): Variant | undefined {
    return this.state.variants.find((variant) => variant.name === name);
  }
}

function checkedRouting(routing: Routing): Routing {
  const problems = [
    ...(!(ROUTING_MODES as readonly string[]).includes(routing.mode)
      ? [{ field: 'routing.mode', message: `must be one of ${ROUTING_MODES.join(', ')}` }]
      : []),
    ...(routing.minFeedback !== undefined &&
    (!Number.isInteger(routing.minFeedback) || routing.minFeedback < 1 || routing.minFeedback > 1_000_000)
      ? [{ field: 'routing.minFeedback', message: 'an integer from 1 to 1000000' }]
      : []),
    ...(!HEADER_NAME.test(routing.requestKeyHeader)
      ? [{ field: 'routing.requestKeyHeader', message: 'an HTTP header name of letters, digits and dashes' }]
      : []),
  ];
  if (problems.length > 0) throw new ValidationError('The routing is invalid', problems, 'invalid-routing');
  // Header names are case-insensitive; Node hands them over in lower case.
  const requestKeyHeader = routing.requestKeyHeader.toLowerCase();
  if (routing.mode !== 'bandit') return { mode: routing.mode, requestKeyHeader };
  return { mode: routing.mode, requestKeyHeader, minFeedback: routing.minFeedback ?? DEFAULT_MIN_FEEDBACK };
}

function checkedVariantList(variants: readonly Variant[]): readonly Variant[] {
  checkVariants(variants);
  return variants.map((variant) => ({ ...variant }));
}
