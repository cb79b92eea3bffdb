import { defineConfig } from '@playwright/test'
import { e2eAuthSecret, e2eBaseUrl, e2eDatabaseUrl, e2ePort } from './e2e/config.ts'

// Debian's Chromium, never a downloaded browser (`npx playwright install` cannot work offline).
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const exclusiveSpecs = /(admin|studio-journey)\.spec\.ts$/

export default defineConfig({
  testDir: 'e2e',
  // two browsers share two cores: a test that types a whole manifest at a human pace needs more than a minute
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two files at a time (most of a test is waiting on human-paced keystrokes); E2E_WORKERS=1 for one at a time.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : [['list']],
  use: {
    baseURL: e2eBaseUrl,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'main', testIgnore: exclusiveSpecs },
    // These change what every other test sees (the admin test disables every other admin for a moment), so they
    // run alone, after the rest.
    { name: 'exclusive', testMatch: exclusiveSpecs, dependencies: ['main'] },
  ],
  webServer: {
    // next directly (not npx or npm), so stopping the suite stops the server too.
    command: `node_modules/.bin/next start -p ${e2ePort}`,
    url: `${e2eBaseUrl}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: e2eDatabaseUrl,
      AUTH_SECRET: e2eAuthSecret,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      // every test comes from 127.0.0.1: the per-address limits are for a crowd, not for one suite (the per-account
      // limits, which e2e/limits.spec.ts tests, stay as shipped)
      RATE_LIMIT_SIGNIN_ADDRESS: '2000/15m',
      RATE_LIMIT_SIGNUP_ADDRESS: '2000/1h',
      RATE_LIMIT_GRADE_ADDRESS: '20000/5m',
    },
  },
})
