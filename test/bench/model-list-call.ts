import type { HttpCall } from './http-load.js';

/** The admin a bench app is started with (its ADMIN_EMAIL and ADMIN_PASSWORD). */
export const BENCH_ADMIN = { email: 'bench-admin@example.com', password: 'bench admin long passphrase' };

/** A project holding one model on the app at `baseUrl`, and the call listing its models with the admin's token. */
export async function modelListCall(baseUrl: string): Promise<HttpCall> {
  let token = '';
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, string>;
  };
  token = (await call('POST', '/api/v1/auth/login', BENCH_ADMIN)).accessToken;
  const project = await call('POST', '/api/v1/projects', { name: 'bench' });
  await call('POST', `/api/v1/projects/${project.id}/models`, { name: 'bench-model' });
  return {
    url: `${baseUrl}/api/v1/projects/${project.id}/models`,
    method: 'GET',
    headers: { authorization: `Bearer ${token}` },
  };
}
