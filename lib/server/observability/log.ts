/**
 * The server's log: one JSON object per line on stdout (pino), with `level` as a word, `time` in ISO 8601, the
 * process's `pid` and `hostname` (which instance wrote it), `reqId` on every line written while serving a request,
 * and `event` naming what happened (`http.request`, `limit.refused`, `grade.failed`, …) for filters and alerts.
 * The level is LOG_LEVEL (default info). See README, Operating, and ADR 0017.
 */
import pino, { type DestinationStream, type Level, type Logger } from 'pino'
import { currentRequest } from './request-context.ts'

export type LogLevel = Level | 'silent'

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // errors under `err` with their type, message and stack (pino's serializer)
      serializers: { err: pino.stdSerializers.err },
      mixin() {
        const request = currentRequest()
        return request ? { reqId: request.id } : {}
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  )
}

function configuredLevel(): LogLevel {
  const raw = process.env.LOG_LEVEL?.trim()
  const levels: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
  if (raw && (levels as string[]).includes(raw)) return raw as LogLevel
  // the unit tests read their own assertions, not the server's lines (a test that checks a line makes its logger)
  return process.env.VITEST ? 'silent' : 'info'
}

const holder = ((globalThis as { __kubelabLog?: { logger: Logger | null } }).__kubelabLog ??= { logger: null })

/** The process's logger (created on first use at LOG_LEVEL, which lib/server/env.ts checks at start). */
export function log(): Logger {
  holder.logger ??= createLogger(configuredLevel())
  return holder.logger
}

/** Tests: log to this logger instead (or back to stdout with null). */
export function useLogger(logger: Logger | null): void {
  holder.logger = logger
}
