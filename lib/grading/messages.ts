/** Details the grader adds to an author's check message, in both languages (whole sentences, never fragments). */
import type { Lang } from './result.ts'

type Template = (values: Record<string, string>) => string
const templates = {
  objectMissing: { ko: (v) => `${v.kind} "${v.name}"이(가) 제출한 YAML에 없거나 클러스터가 받아들이지 않았다.`, en: (v) => `${v.kind} "${v.name}" is missing from your YAML, or the cluster did not accept it.` },
  fieldMissing: { ko: (v) => `${v.path} 필드가 없다.`, en: (v) => `The field ${v.path} is not set.` },
  fieldExpected: { ko: (v) => `${v.path}의 값은 ${v.expected}이어야 하는데 ${v.actual}이다.`, en: (v) => `${v.path} should be ${v.expected}, but it is ${v.actual}.` },
  fieldOutOfRange: { ko: (v) => `${v.path}의 값 ${v.actual}이(가) 허용 범위(${v.range})를 벗어났다.`, en: (v) => `${v.path} is ${v.actual}, outside ${v.range}.` },
  podsNone: { ko: (v) => `${v.target}에 해당하는 Pod가 클러스터에 없다.`, en: (v) => `No Pod matching ${v.target} is in the cluster.` },
  podsCount: { ko: (v) => `${v.target}에 해당하는 Pod가 ${v.expected}개여야 하는데 ${v.actual}개다.`, en: (v) => `Expected ${v.expected} Pods matching ${v.target}, found ${v.actual}.` },
  podsState: { ko: (v) => `Pod ${v.pod}의 상태가 ${v.status}(준비: ${v.ready})다.`, en: (v) => `Pod ${v.pod} is ${v.status} (ready: ${v.ready}).` },
  invalidManifest: { ko: () => '클러스터가 YAML을 받아들이지 않아 확인할 수 없다. 위의 검증 오류부터 고친다.', en: () => 'The cluster did not accept your YAML, so this could not be checked. Fix the validation errors above first.' },
} satisfies Record<string, Record<Lang, Template>>

export type MessageKey = keyof typeof templates

export function detail(lang: Lang, key: MessageKey, values: Record<string, string> = {}): string {
  return templates[key][lang](values)
}

export function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value)
}
