/** Test data for the workspace's hooks: grade answers, a fetch that answers from a script, the interface messages. */
import { createElement, type ReactNode } from 'react'
import { NextIntlClientProvider } from 'next-intl'
import en from '@/messages/en.json'
import type { GradeResponse } from '@/lib/api-contract/exercises'

/** A grade API answer (the fields the browser reads): a failed first attempt of a visitor unless overridden. */
export function gradeResponse(overrides: Partial<GradeResponse> = {}): GradeResponse {
  return {
    exercise: 'deployment-web',
    passed: false,
    score: 0.5,
    checks: [
      { id: 'exists', passed: true, message: 'The Deployment web exists.', hint: null, line: null, weight: 1 },
      { id: 'replicas', passed: false, message: 'It runs 3 replicas.', hint: 'Set spec.replicas.', line: 6, weight: 1 },
    ],
    validation: { valid: true, errors: [] },
    durationMs: 12,
    saved: false,
    lessonCompleted: false,
    attempts: null,
    solutionAvailable: false,
    ...overrides,
  }
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

/** A `fetch` that answers each request with the next response of the script (an Error: the network failed). */
export function scriptedFetch(...script: (Response | Error)[]) {
  const requests: { url: string; method: string; body: unknown }[] = []
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input)
    requests.push({ url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
    const next = script.shift()
    if (next === undefined) throw new Error(`no answer scripted for ${url}`)
    if (next instanceof Error) throw next
    return next
  }
  return { fetch: fetchImpl, requests }
}

/** Renders a hook inside the English interface messages, as the lesson page does. */
export function EnglishMessages({ children }: { children: ReactNode }) {
  return createElement(NextIntlClientProvider, { locale: 'en', messages: en, children })
}
