import createClient from 'openapi-fetch';
import { session } from '../auth/session';
import type { components, paths } from './openapi';

export type Schemas = components['schemas'];

/** The API as the signed-in person: every request carries the access token held in memory. */
export const api = createClient<paths>();

api.use({
  async onRequest({ request }) {
    const token = await session.accessToken();
    if (token !== undefined) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    // The session ended elsewhere (logged out, revoked, refresh failed): back to the login page.
    if (response.status === 401) session.end();
    return response;
  },
});

/** The problem+json `detail` (or `title`) of a failed call, for the person to read. */
export function problemText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const problem = error as { detail?: unknown; title?: unknown };
    if (typeof problem.detail === 'string') return problem.detail;
    if (typeof problem.title === 'string') return problem.title;
  }
  return 'The request failed.';
}

/** The fields a refused request named (a 400's `errors`), each with what was wrong with it. */
export function problemFields(error: unknown): readonly { field: string; message: string }[] {
  if (typeof error !== 'object' || error === null) return [];
  const { errors } = error as { errors?: unknown };
  if (!Array.isArray(errors)) return [];
  return errors.filter((item: unknown): item is { field: string; message: string } => {
    const { field, message } = (item ?? {}) as { field?: unknown; message?: unknown };
    return typeof field === 'string' && typeof message === 'string';
  });
}
