import { defineConfig } from '@playwright/test'
import { e2eAuthSecret, e2eBaseUrl, e2eDatabaseUrl, e2ePort } from './e2e/config.ts'

// Debian's Chromium, never a downloaded browser (`npx playwright install` cannot work offline).
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : [['list']],
  use: {
    baseURL: e2eBaseUrl,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // next directly (not npx or npm), so stopping the suite stops the server too.
    command: `node_modules/.bin/next start -p ${e2ePort}`,
    url: `${e2eBaseUrl}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { DATABASE_URL: e2eDatabaseUrl, AUTH_SECRET: e2eAuthSecret, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  },
})
