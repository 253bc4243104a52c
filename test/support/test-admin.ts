/**
 * The one admin every test file boots with. Test files that run in the same Jest worker share its
 * database, and only the first admin is ever created from ADMIN_EMAIL, so they must all agree.
 */
export const TEST_ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };

/**
 * What every test app of the platform sets: the admin, cheap bcrypt, and an address budget no
 * test reaches (the Redis counters of a worker are shared by its test files, all from 127.0.0.1).
 */
export const TEST_AUTH_ENV: Record<string, string> = {
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  BCRYPT_COST: '4',
  AUTH_RATE_LIMIT_PER_MINUTE: '100000',
};
