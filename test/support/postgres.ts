// Shared support for tests against a real PostgreSQL. scripts/test.mjs starts a throwaway server and sets
// ONWARD_TEST_DATABASE_URL; tests that need it use describe.skipIf(!hasPostgres), and the runner says loudly
// when they were skipped and why.
export const postgresUrl = process.env.ONWARD_TEST_DATABASE_URL;
export const hasPostgres = typeof postgresUrl === 'string' && postgresUrl.length > 0;
if (!hasPostgres)
  console.warn(
    '\n*** SKIPPING PostgreSQL tests: ONWARD_TEST_DATABASE_URL is not set. Run them through `pnpm test`, which starts PostgreSQL (apt-get install -y postgresql). ***\n',
  );
