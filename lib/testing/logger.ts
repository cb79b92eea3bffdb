/** Tests: a logger whose lines are kept, parsed, in an array. */
import { Writable } from 'node:stream'
import type { Logger } from 'pino'
import { createLogger, type LogLevel } from '../server/observability/log.ts'

export function memoryLogger(level: LogLevel = 'debug'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  return { logger: createLogger(level, stream), lines }
}
