import { ValidationError } from '@libs/ddd';

/**
 * The JSON types a version's training parameter may take: scalars, as MLflow logs them, so that two
 * versions compare key by key. The register-version task's schema and the HTTP schema are built from it.
 */
export const PARAM_VALUE_TYPES = ['string', 'number', 'boolean'] as const;
export type ParamValue = string | number | boolean;
export type Params = Readonly<Record<string, ParamValue>>;

const isParamValue = (value: unknown): value is ParamValue =>
  (PARAM_VALUE_TYPES as readonly string[]).includes(typeof value);

export function checkedParams(params: Readonly<Record<string, unknown>>): Params {
  const nested = Object.keys(params).filter((key) => !isParamValue(params[key]));
  if (nested.length > 0) {
    throw new ValidationError(
      'Params must be strings, numbers or booleans',
      nested.map((key) => ({
        field: `params.${key}`,
        message: `must be of one of the types ${PARAM_VALUE_TYPES.join(', ')}`,
      })),
    );
  }
  return { ...(params as Params) };
}
