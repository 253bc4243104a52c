import { PARAM_VALUE_TYPES } from '../domain/version/version-params.js';

/** The JSON schema of one training parameter's value, for the HTTP document and the register-version task alike. */
export const PARAM_VALUE_SCHEMA = { anyOf: PARAM_VALUE_TYPES.map((type) => ({ type })) };
