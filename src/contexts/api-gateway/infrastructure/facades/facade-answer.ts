import type { FieldProblem } from '@libs/ddd';
import {
  decodeFacadeValue,
  domainKindOfStatus,
  FACADE_RESULT_ABSENT,
  FacadeUnavailable,
  RemoteFacadeRefusal,
  type FacadeCall,
} from '@libs/platform';

/** What the owner answered a facade call, below 500. */
export interface OwnerAnswer {
  readonly status: number;
  readonly text: string;
}

interface AnsweredProblem {
  readonly type?: unknown;
  readonly detail?: unknown;
  readonly errors?: readonly FieldProblem[];
}

/**
 * The result the local facade would have returned, or the error it would have thrown: 200 is the
 * result, 404 `facade-result-absent` is undefined, another problem is the owner's domain error
 * (same slug and kind). A refused signature is this installation's misconfiguration, not the caller's.
 */
export function facadeAnswerOf<T>(answer: OwnerAnswer, call: FacadeCall): T | undefined {
  if (answer.status === 200) return decodeFacadeValue<T>(answer.text);
  const problem = parsed(answer.text);
  const slug = typeof problem.type === 'string' ? problem.type.replace(/^.*\/problems\//, '') : undefined;
  if (answer.status === 404 && slug === FACADE_RESULT_ABSENT) return undefined;
  if (answer.status === 401)
    throw new FacadeUnavailable(
      `${call.context} refused this process's signature: is SERVICE_CALL_SECRET the same in both?`,
    );
  const kind = domainKindOfStatus(answer.status);
  if (slug === undefined || kind === undefined)
    throw new FacadeUnavailable(`${call.context} answered ${call.operation} with status ${answer.status}`);
  const detail = typeof problem.detail === 'string' ? problem.detail : `${call.context} refused ${call.operation}`;
  throw new RemoteFacadeRefusal(slug, kind, detail, Array.isArray(problem.errors) ? problem.errors : undefined);
}

function parsed(text: string): AnsweredProblem {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}
