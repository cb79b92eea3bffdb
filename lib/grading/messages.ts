/**
 * Details the grader adds to an author's check message, in both languages (whole sentences, never fragments).
 * Korean follows docs/korean-style.md: 합쇼체, and each particle after a value chosen by how the value is read.
 */
import { withParticle as p } from '../text/korean-particles.ts'
import type { OverBudget } from '../sim/index.ts'
import type { Locale } from '../../i18n/locales.ts'

/** What `show` and the checks write for "no value". */
export const NONE = '(none)'

const NONE_KO = '(없음)'

// Words the checks pass in English for some values (by value name); the Korean sentence names them in Korean.
const KOREAN_WORDS: Record<string, Record<string, string>> = {
  what: { 'ready endpoints': '준비된 엔드포인트 수', image: '이미지', revision: '리비전' },
  expected: { 'an address': 'IP 주소' },
  ready: { true: '예', false: '아니요' },
}

type Template = (v: Record<string, string>) => string

const eventuallyKo: Template = (v) =>
  v.condition!.startsWith('= ')
    ? `${v.within}초 안에 ${p(v.metric!, '이/가')} ${p(v.condition!.slice(2), '이/가')} 되지 않았습니다(마지막 값 ${v.actual}).`
    : `${v.within}초 안에 ${p(v.metric!, '이/가')} 범위(${v.condition})에 들지 않았습니다(마지막 값 ${v.actual}).`

const templates = {
  objectMissing: {
    ko: (v) => `${p(`${v.kind} "${v.name}"`, '이/가')} 제출한 YAML에 없거나 클러스터가 받아들이지 않았습니다.`,
    en: (v) => `${v.kind} "${v.name}" is missing from your YAML, or the cluster did not accept it.`,
  },
  fieldMissing: { ko: (v) => `${v.path} 필드가 없습니다.`, en: (v) => `The field ${v.path} is not set.` },
  fieldNoItem: { ko: (v) => `${v.list}에 ${v.path}에 해당하는 항목이 없습니다.`, en: (v) => `No item of ${v.list} matches ${v.path}.` },
  fieldExpected: {
    ko: (v) =>
      v.expected === NONE_KO
        ? `${v.path} 필드는 없어야 하는데 값이 ${v.actual}입니다.`
        : v.actual === NONE_KO
          ? `${v.path}의 값은 ${p(v.expected!, '이어야/여야')} 하는데 값이 없습니다.`
          : `${v.path}의 값은 ${p(v.expected!, '이어야/여야')} 하는데 ${v.actual}입니다.`,
    en: (v) =>
      v.expected === NONE
        ? `${v.path} should not be set, but it is ${v.actual}.`
        : v.actual === NONE
          ? `${v.path} should be ${v.expected}, but it is not set.`
          : `${v.path} should be ${v.expected}, but it is ${v.actual}.`,
  },
  fieldOutOfRange: {
    ko: (v) => `${v.path}의 값 ${p(v.actual!, '이/가')} 허용 범위(${v.range})를 벗어났습니다.`,
    en: (v) => `${v.path} is ${v.actual}, outside ${v.range}.`,
  },
  notRun: {
    ko: () => '클러스터가 제출한 내용을 받아들이지 않아 확인할 수 없습니다. 위의 검증 오류부터 고치세요.',
    en: () => 'The cluster did not accept your submission, so this could not be checked. Fix the validation errors above first.',
  },
  podsNone: { ko: (v) => `${v.target}에 해당하는 Pod가 클러스터에 없습니다.`, en: (v) => `No Pod matching ${v.target} is in the cluster.` },
  podsHaveLabels: { ko: (v) => `지금 Pod의 레이블은 ${v.labels}입니다.`, en: (v) => `The Pods have ${v.labels}.` },
  podsCount: {
    ko: (v) => `${v.target}에 해당하는 Pod가 ${v.expected}개여야 하는데 ${v.actual}개입니다.`,
    en: (v) => `Expected ${v.expected} Pods matching ${v.target}, found ${v.actual}.`,
  },
  podsState: {
    ko: (v) => `Pod ${v.pod}의 상태가 ${v.status}(준비: ${v.ready})입니다.`,
    en: (v) => `Pod ${v.pod} is ${v.status} (ready: ${v.ready}).`,
  },
  podsImage: { ko: (v) => `Pod ${v.pod}의 이미지가 ${v.actual}입니다.`, en: (v) => `Pod ${v.pod} runs ${v.actual}.` },
  podsNodes: {
    ko: (v) => `Pod가 노드 ${v.actual}대에만 있습니다(${v.expected}대 이상이어야 합니다).`,
    en: (v) => `The Pods are on only ${v.actual} node(s); at least ${v.expected} expected.`,
  },
  podsNotReplaced: {
    ko: (v) => `${p(`Pod ${v.pod}`, '은/는')} ${v.moment} 시점에도 있던 Pod입니다(이름 또는 IP가 같습니다).`,
    en: (v) => `Pod ${v.pod} was already there at ${v.moment} (same name or IP).`,
  },
  podsOnNode: { ko: (v) => `${p(`Pod ${v.pod}`, '이/가')} 아직 ${v.node}에 있습니다.`, en: (v) => `Pod ${v.pod} is still on ${v.node}.` },
  deploymentMissing: {
    ko: (v) => `${p(`Deployment "${v.name}"`, '이/가')} 클러스터에 없습니다.`,
    en: (v) => `There is no Deployment "${v.name}" in the cluster.`,
  },
  statusExpected: {
    ko: (v) => `${p(v.what!, '이/가')} ${p(v.expected!, '이어야/여야')} 하는데 ${v.actual}입니다.`,
    en: (v) => `${v.what} should be ${v.expected}, but it is ${v.actual}.`,
  },
  conditionMissing: {
    ko: (v) => `조건 ${p(v.condition!, '이/가')} 없습니다. 지금 조건: ${v.actual}.`,
    en: (v) => `Condition ${v.condition} is not there. Conditions now: ${v.actual}.`,
  },
  serviceMissing: {
    ko: (v) => `${p(`Service "${v.name}"`, '이/가')} 클러스터에 없습니다.`,
    en: (v) => `There is no Service "${v.name}" in the cluster.`,
  },
  selectorMatchesNothing: {
    ko: (v) => `셀렉터 ${v.selector}에 맞는 Pod가 없습니다. 지금 Pod의 레이블은 ${v.labels}입니다.`,
    en: (v) => `The selector ${v.selector} matches no Pod; the Pods have ${v.labels}.`,
  },
  servicePortMissing: {
    ko: (v) => `Service에 포트 ${p(v.port!, '이/가')} 없습니다. 있는 포트: ${v.actual}.`,
    en: (v) => `The Service has no port ${v.port}. Its ports: ${v.actual}.`,
  },
  invariantBroken: {
    ko: (v) => `${v.time}초에 ${p(v.metric!, '이/가')} ${p(v.actual!, '이/가')} 되어 범위(${v.range})를 벗어났습니다.`,
    en: (v) => `At ${v.time} s, ${v.metric} was ${v.actual}, outside ${v.range}.`,
  },
  eventuallyNever: {
    ko: eventuallyKo,
    en: (v) => `${v.metric} did not reach ${v.condition} within ${v.within} s (last value ${v.actual}).`,
  },
  trafficFailed: { ko: (v) => `요청 ${v.sent}개 중 ${v.failed}개가 실패했습니다.`, en: (v) => `${v.failed} of ${v.sent} requests failed.` },
  trafficNone: {
    ko: (v) => `${p(`Service ${v.service}`, '으로/로')} 보낸 요청이 없습니다.`,
    en: (v) => `No requests were sent to Service ${v.service}.`,
  },
  eventMissing: { ko: (v) => `${v.reason} 이벤트가 없었습니다.`, en: (v) => `No ${v.reason} event was recorded.` },
  eventPresent: { ko: (v) => `${v.reason} 이벤트가 있었습니다: ${v.message}`, en: (v) => `A ${v.reason} event was recorded: ${v.message}` },
  outputMismatch: {
    ko: (v) => `${v.command}의 출력이 기대와 다릅니다.`,
    en: (v) => `The output of ${v.command} is not what was expected.`,
  },
  learnerOutputMismatch: {
    ko: () => '입력한 명령 중 기대한 출력을 낸 것이 없습니다.',
    en: () => 'None of your commands printed what was expected.',
  },
} satisfies Record<string, Record<Locale, Template>>

export type MessageKey = keyof typeof templates
/** Every detail the grader can add (the tests hold each to the Korean style rules). */
export const MESSAGE_KEYS = Object.keys(templates) as MessageKey[]

// Field paths, metrics and commands are code: in backticks, rendered like the authors' `code` where messages are
// shown (the workspace, the teacher's learner page, the studio). A plain word the checks pass ("image") is not.
const CODE_VALUES = new Set(['path', 'list', 'metric', 'command', 'selector'])
function asCode(key: string, value: string): string {
  const code = CODE_VALUES.has(key) || (key === 'what' && /[.A-Z]/.test(value))
  return code && value !== '' && !value.includes('`') ? `\`${value}\`` : value
}

export function detail(lang: Locale, key: MessageKey, values: Record<string, string> = {}): string {
  const translated =
    lang === 'en'
      ? values
      : Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === NONE ? NONE_KO : (KOREAN_WORDS[k]?.[v] ?? v)]))
  return templates[key][lang](Object.fromEntries(Object.entries(translated).map(([k, v]) => [k, asCode(k, v)])))
}

export function show(value: unknown): string {
  return value === undefined ? NONE : JSON.stringify(value)
}

/** A duration in words: "1시간 30분" / "1 hour 30 minutes" (the unit a learner reads, not `wait`'s 1h30m). */
export function durationWords(lang: Locale, ms: number): string {
  let s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  const parts: [number, string, string][] = [
    [h, '시간', 'hour'],
    [m, '분', 'minute'],
    [s, '초', 'second'],
  ]
  const shown = parts.filter(([n], i) => n > 0 || (i === 2 && h === 0 && m === 0))
  return shown.map(([n, ko, en]) => (lang === 'ko' ? `${n}${ko}` : `${n} ${en}${n === 1 ? '' : 's'}`)).join(' ')
}

const count = (n: number) => n.toLocaleString('en')

/** Why a grade was stopped: a limit of the simulator (lib/sim/budget.ts) or of the grading server. */
export type BudgetLimit = OverBudget['limit'] | 'wallTime' | 'memory'

const budgetTemplates: Record<BudgetLimit, Record<Locale, (max: number, requested: number | undefined) => string>> = {
  pods: {
    ko: (max, req) =>
      `이 실습에서는 Pod를 최대 ${count(max)}개까지 만들 수 있습니다.${req !== undefined ? ` 제출한 내용은 Pod ${count(req)}개를 요청합니다.` : ''} replicas를 줄여 다시 제출하세요.`,
    en: (max, req) =>
      `This exercise allows at most ${count(max)} ${max === 1 ? 'Pod' : 'Pods'}.${req !== undefined ? ` Your submission asks for ${count(req)}.` : ''} Lower replicas and submit again.`,
  },
  objects: {
    ko: (max, req) =>
      `이 실습에서는 오브젝트를 최대 ${count(max)}개까지 만들 수 있습니다.${req !== undefined ? ` 제출한 YAML에는 오브젝트가 ${count(req)}개 있습니다.` : ''}`,
    en: (max, req) =>
      `This exercise allows at most ${count(max)} ${max === 1 ? 'object' : 'objects'}.${req !== undefined ? ` Your YAML has ${count(req)}.` : ''}`,
  },
  events: {
    ko: (max) => `시뮬레이션이 이 실습의 한도인 이벤트 ${count(max)}개를 넘어 멈췄습니다. Pod 수나 프로브 횟수를 줄여 다시 제출하세요.`,
    en: (max) =>
      `The simulation went past this exercise's limit of ${count(max)} events and was stopped. Use fewer Pods or probes and submit again.`,
  },
  virtualTimeMs: {
    ko: (max) => `이 실습에서는 클러스터 시간을 최대 ${durationWords('ko', max)}까지 흘려보낼 수 있습니다. wait를 더 짧게 하세요.`,
    en: (max) => `This exercise runs the cluster for at most ${durationWords('en', max)} of simulated time. Use a shorter wait.`,
  },
  commands: {
    ko: (max) => `이 실습에서는 명령을 최대 ${count(max)}개까지 실행할 수 있습니다.`,
    en: (max) => `This exercise allows at most ${count(max)} commands.`,
  },
  wallTime: {
    ko: (max) => `채점이 제한 시간 ${max / 1000}초를 넘어 중단되었습니다. 클러스터를 더 작게 만들어 다시 제출하세요.`,
    en: (max) => `Grading took longer than its limit of ${max / 1000} s and was stopped. Make the cluster smaller and submit again.`,
  },
  memory: {
    ko: () => '채점에 쓸 수 있는 메모리를 넘어 중단되었습니다. 클러스터를 더 작게 만들어 다시 제출하세요.',
    en: () => 'Grading used more memory than it may and was stopped. Make the cluster smaller and submit again.',
  },
}

/** "이 실습에서는 Pod를 최대 50개까지 만들 수 있습니다." / "This exercise allows at most 50 Pods." — and what to do. */
export function overBudgetMessage(lang: Locale, over: { limit: BudgetLimit; max: number; requested?: number }): string {
  return budgetTemplates[over.limit][lang](over.max, over.requested)
}

/** Why a manifest's checks were not run: nothing of it was accepted, part of it was refused, or it held nothing. */
export type NotRunCause = 'refused' | 'partly' | 'empty'

const notRunTemplates: Record<NotRunCause, Record<Locale, string>> = {
  refused: {
    ko: '클러스터가 YAML을 받아들이지 않아 아무것도 실행하지 않았습니다. 위의 검증 오류를 고치면 검사가 실행됩니다.',
    en: 'The cluster did not run anything: it refused your YAML. Fix the validation errors above and the checks will run.',
  },
  partly: {
    ko: '클러스터가 받아들인 오브젝트만 실행했으므로 통과하지 못한 검사는 결과를 보여 주지 않습니다. 위의 검증 오류부터 고치세요.',
    en: 'The cluster ran only the objects it accepted, so the checks that did not pass are not reported. Fix the validation errors above first.',
  },
  empty: {
    ko: 'YAML에 오브젝트가 없어 클러스터에서 실행한 것이 없습니다.',
    en: 'Your YAML has no objects, so nothing ran on the cluster.',
  },
}

/** The one line a grade shows instead of each check's detail when the cluster did not run the submission. */
export function notRunMessage(lang: Locale, cause: NotRunCause): string {
  return notRunTemplates[cause][lang]
}

/** The grading server's queue is full (503). */
export function busyMessage(lang: Locale): string {
  return lang === 'ko'
    ? '지금 채점 요청이 많습니다. 잠시 후 다시 제출하세요.'
    : 'Many submissions are being graded right now. Submit again in a moment.'
}
