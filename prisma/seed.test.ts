import { describe, expect, it } from 'vitest'
import { shouldSeedDemo } from './seed.ts'

describe('when a start creates the demo accounts', () => {
  const fresh = { isNew: true }
  const existing = { isNew: false }
  it.each([
    // the newcomer: a fresh clone, npm start (or npm run dev), no settings
    [{}, fresh, true],
    [{ NODE_ENV: 'development' }, fresh, true],
    [{ NODE_ENV: 'test' }, fresh, true],
    // a database that already existed: accounts someone removed do not come back
    [{}, existing, false],
    // production never, whatever the database (the embedded SQLite default included)
    [{ NODE_ENV: 'production' }, fresh, false],
    [{ NODE_ENV: 'production' }, existing, false],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/kubelab' }, fresh, false],
    [{ NODE_ENV: 'production', DATABASE_URL: 'file:./data/kubelab.db' }, fresh, false],
    // unless asked for
    [{ NODE_ENV: 'production', SEED_DEMO: '1' }, existing, true],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, fresh, true],
    [{ SEED_DEMO: '1' }, existing, true],
    // SEED_DEMO=0 always prevents them
    [{ SEED_DEMO: '0' }, fresh, false],
    [{ SEED_DEMO: 'false' }, fresh, false],
    [{ NODE_ENV: 'development', SEED_DEMO: '0' }, fresh, false],
    // an empty value is no choice
    [{ SEED_DEMO: '' }, fresh, true],
    [{ NODE_ENV: 'production', SEED_DEMO: '' }, fresh, false],
  ])('%j on a %j database: %s', (environment, database, expected) => {
    expect(shouldSeedDemo(environment, database)).toBe(expected)
  })
})
