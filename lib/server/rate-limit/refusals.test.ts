import { afterAll, describe, expect, it } from 'vitest'
import { useLogger } from '../observability/log.ts'
import { runInRequest } from '../observability/request-context.ts'
import { memoryLogger } from '../../testing/logger.ts'
import { onRefusal, recordRefusal, type LimitName } from './refusals.ts'

const { logger, lines } = memoryLogger()
useLogger(logger)
afterAll(() => useLogger(null))

describe('a refusal', () => {
  it("is one warn line with the request's id, and reaches every listener", () => {
    const heard: [LimitName, string, number | null][] = []
    const stop = onRefusal((...args) => heard.push(args))
    runInRequest({ id: 'req-0001-abcd', method: 'POST', startedAt: 0n }, () => recordRefusal('grade-user', 'user-1', 12))
    stop()
    recordRefusal('signup-address', '192.0.2.1')
    expect(heard).toEqual([['grade-user', 'user-1', 12]])
    expect(lines.map(({ level, event, reqId, limit, key, retryAfter }) => ({ level, event, reqId, limit, key, retryAfter }))).toEqual([
      { level: 'warn', event: 'limit.refused', reqId: 'req-0001-abcd', limit: 'grade-user', key: 'user-1', retryAfter: 12 },
      { level: 'warn', event: 'limit.refused', reqId: undefined, limit: 'signup-address', key: '192.0.2.1', retryAfter: null },
    ])
  })
})
