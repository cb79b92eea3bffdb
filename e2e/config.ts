export const e2ePort = Number(process.env.E2E_PORT ?? 3210)
export const e2eBaseUrl = `http://localhost:${e2ePort}`
export const e2eDatabaseUrl = 'file:./data/e2e.db'
export const e2eAuthSecret = 'e2e-only-secret-not-for-production-0123456789'
