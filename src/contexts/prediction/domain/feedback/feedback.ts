import { ConflictError, ValidationError } from '@libs/ddd';

/** Ground truth for one prediction: the label it should have had, or the value. */
export interface Feedback {
  readonly label?: string | number | boolean;
  readonly value?: number;
}

/** The feedback checked: a label or a finite value, at least one. */
export function checkedFeedback(input: Feedback): Feedback {
  const hasLabel = input.label !== undefined && input.label !== null;
  const hasValue = input.value !== undefined && input.value !== null;
  if (!hasLabel && !hasValue)
    throw new ValidationError(
      'Feedback needs a label or a value',
      [{ field: 'label', message: 'give the true label, or the true value in value' }],
      'feedback-empty',
    );
  if (hasValue && !Number.isFinite(input.value))
    throw new ValidationError(
      'The value must be a finite number',
      [{ field: 'value', message: 'a finite number' }],
      'feedback-invalid',
    );
  if (hasLabel && !['string', 'number', 'boolean'].includes(typeof input.label))
    throw new ValidationError(
      'The label must be a string, number or boolean',
      [{ field: 'label', message: 'a string, number or boolean' }],
      'feedback-invalid',
    );
  return { ...(hasLabel ? { label: input.label } : {}), ...(hasValue ? { value: input.value } : {}) };
}

/** A prediction takes feedback once: ground truth does not change, and a second answer would skew the experiment. */
export class FeedbackAlreadyGiven extends ConflictError {
  constructor(predictionId: string) {
    super(`Prediction ${predictionId} has feedback already`, 'feedback-already-given');
  }
}

/**
 * Whether a label says the prediction was right: equal as JSON values, or as text (callers send
 * classes either way), the rule the experiment's SQL applies too.
 */
export function labelMatches(label: Feedback['label'], predicted: unknown): boolean {
  if (label === undefined) return false;
  if (label === predicted) return true;
  return String(label) === (typeof predicted === 'string' ? predicted : JSON.stringify(predicted));
}
