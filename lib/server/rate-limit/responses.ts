/** How routes answer a refusal by a storage quota or by text a database cannot store. */
import { NextResponse } from 'next/server'
import { tooManyRequests } from '../http/too-many-requests.ts'
import type { QuotaExceededError } from '../dal/quotas.ts'
import type { UnstorableTextError } from '../dal/text.ts'
import { recordRefusal } from './refusals.ts'
import type { Locale } from '../../../i18n/locales.ts'

const totalMessage = {
  en: (max: number) =>
    `This account has stored ${max} submissions, the most it may keep; new answers are no longer saved. Ask whoever runs this Kubelab.`,
  ko: (max: number) =>
    `이 계정에 저장할 수 있는 제출 기록 ${max}개를 모두 썼습니다. 새 답은 더 저장하지 않습니다. 이 Kubelab을 운영하는 분께 문의하세요.`,
}

/** The hourly quota: 429 with Retry-After, like a rate limit; the total: 403 `quota_exceeded`, which waiting does not lift. */
export function quotaExceededResponse(request: Request, error: QuotaExceededError, userId: string, lang: Locale = 'en'): Response {
  if (error.quota === 'submissionsPerHour') {
    recordRefusal('quota-submissions-hour', `user:${userId}`, error.retryAfter)
    return tooManyRequests(request, error.retryAfter ?? 60)
  }
  recordRefusal('quota-submissions-total', `user:${userId}`)
  return NextResponse.json(
    { error: 'quota_exceeded', quota: error.quota, max: error.max, message: totalMessage[lang](error.max) },
    { status: 403 },
  )
}

/** 422 naming the field, as zod's issues do (the schemas refuse such text first; this is the DAL's backstop). */
export function unstorableTextResponse(error: UnstorableTextError): Response {
  return NextResponse.json({ error: 'invalid_input', issues: [{ path: error.field, message: error.message }] }, { status: 422 })
}
