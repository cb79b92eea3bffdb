import { describe, expect, it } from 'vitest'
import { loadCourses } from '../content/load.ts'
import { gradeExercise } from './grade.ts'
import { detail, MESSAGE_KEYS, notRunMessage, show, type MessageKey } from './messages.ts'

const sample: Record<string, string> = {
  kind: 'Deployment',
  name: 'web',
  path: 'spec.replicas',
  expected: '3',
  actual: '1',
  range: '1..5',
  target: 'app=web',
  pod: 'web-1',
  status: 'Running',
  ready: 'false',
  moment: '30s',
  node: 'node-1',
  what: 'status.readyReplicas',
  condition: 'Available=True',
  port: '80',
  time: '12',
  metric: 'deployments.web.readyReplicas',
  within: '60',
  sent: '20',
  failed: '2',
  service: 'web',
  reason: 'FailedScheduling',
  message: '0/3 nodes are available',
  command: 'kubectl get pods',
  list: 'spec.containers',
  selector: 'app=hello',
  labels: '`app=web`',
}
// every key the grader has, so a new message cannot escape the rules below
const keys: MessageKey[] = MESSAGE_KEYS

describe('grading details', () => {
  it.each(keys)('%s is one 합쇼체 sentence or more in Korean, with no placeholder particle or undefined', (key) => {
    const ko = detail('ko', key, sample)
    expect(ko).not.toMatch(/\((이|가|을|를|은|는|으)\)|undefined/)
    expect(ko).toMatch(/(니다|세요)[.)]?|니다: .*$/)
    expect(ko).not.toMatch(/(?<!니)다[.)]?$/)
    expect(detail('en', key, sample)).not.toContain('undefined')
  })

  it('covers the messages added for check paths and selectors', () => {
    expect(keys).toEqual(expect.arrayContaining(['fieldNoItem', 'selectorMatchesNothing']))
  })

  it.each(['refused', 'partly', 'empty'] as const)(
    'says in one sentence or two in each language why the cluster did not run (%s)',
    (cause) => {
      expect(notRunMessage('ko', cause)).toMatch(/^[^a-z]*니다\.( [^a-z]*(니다|세요)\.)?$/)
      expect(notRunMessage('en', cause)).toMatch(/^[A-Z].*\.$/)
    },
  )

  it('chooses each particle by how the word before it is read', () => {
    expect(detail('ko', 'deploymentMissing', { name: 'web' })).toBe('Deployment "web"이 클러스터에 없습니다.')
    expect(detail('ko', 'serviceMissing', { name: 'api' })).toBe('Service "api"가 클러스터에 없습니다.')
    expect(detail('ko', 'objectMissing', { kind: 'Pod', name: 'nginx' })).toBe(
      'Pod "nginx"가 제출한 YAML에 없거나 클러스터가 받아들이지 않았습니다.',
    )
    expect(detail('ko', 'podsNotReplaced', { pod: 'web-7d4b9', moment: '30s' })).toBe(
      'Pod web-7d4b9는 30s 시점에도 있던 Pod입니다(이름 또는 IP가 같습니다).',
    )
    expect(detail('ko', 'trafficNone', { service: 'hello' })).toBe('Service hello로 보낸 요청이 없습니다.')
    expect(detail('ko', 'trafficNone', { service: 'web' })).toBe('Service web으로 보낸 요청이 없습니다.')
    expect(detail('ko', 'statusExpected', { what: 'status.readyReplicas', expected: '3', actual: '1' })).toBe(
      '`status.readyReplicas`가 3이어야 하는데 1입니다.',
    )
    expect(detail('ko', 'statusExpected', { what: 'nodePort', expected: '30080', actual: '31000' })).toBe(
      '`nodePort`가 30080이어야 하는데 31000입니다.',
    )
    expect(detail('ko', 'fieldExpected', { path: 'spec.replicas', expected: '2', actual: '1' })).toBe(
      '`spec.replicas`의 값은 2여야 하는데 1입니다.',
    )
  })

  it('names in Korean what the checks pass in English', () => {
    expect(detail('ko', 'statusExpected', { what: 'ready endpoints', expected: '3', actual: '0' })).toBe(
      '준비된 엔드포인트 수가 3이어야 하는데 0입니다.',
    )
    expect(detail('ko', 'statusExpected', { what: 'spec.clusterIP', expected: 'an address', actual: 'None' })).toBe(
      '`spec.clusterIP`가 IP 주소여야 하는데 None입니다.',
    )
    expect(detail('ko', 'podsState', { pod: 'web-1', status: 'Running', ready: 'false' })).toBe(
      'Pod web-1의 상태가 Running(준비: 아니요)입니다.',
    )
    expect(detail('ko', 'servicePortMissing', { port: '80', actual: '(none)' })).toBe('Service에 포트 80이 없습니다. 있는 포트: (없음).')
    // a value that happens to be a word translated elsewhere stays as written ("image" is read 이미지: 여야)
    expect(
      detail('ko', 'fieldExpected', { path: 'spec.template.spec.containers[0].name', expected: '"image"', actual: '"true"' }),
    ).toContain('"image"여야 하는데 "true"입니다.')
  })

  it('says "should not be set" and "not set" instead of naming (none) as a value', () => {
    expect(detail('ko', 'fieldExpected', { path: 'spec.nodeName', expected: show(undefined), actual: '"node-1"' })).toBe(
      '`spec.nodeName` 필드는 없어야 하는데 값이 "node-1"입니다.',
    )
    expect(detail('en', 'fieldExpected', { path: 'spec.nodeName', expected: show(undefined), actual: '"node-1"' })).toBe(
      '`spec.nodeName` should not be set, but it is "node-1".',
    )
    expect(detail('ko', 'fieldExpected', { path: 'spec.replicas', expected: '3', actual: show(undefined) })).toBe(
      '`spec.replicas`의 값은 3이어야 하는데 값이 없습니다.',
    )
    expect(detail('en', 'fieldExpected', { path: 'spec.replicas', expected: '3', actual: show(undefined) })).toBe(
      '`spec.replicas` should be 3, but it is not set.',
    )
  })

  it('puts field paths, metrics and commands in backticks, but not plain words', () => {
    expect(detail('en', 'outputMismatch', { command: 'kubectl get pods' })).toBe(
      'The output of `kubectl get pods` is not what was expected.',
    )
    expect(detail('en', 'statusExpected', { what: 'image', expected: 'nginx:1.27', actual: 'nginx:1.25' })).toBe(
      'image should be nginx:1.27, but it is nginx:1.25.',
    )
    expect(detail('ko', 'statusExpected', { what: 'image', expected: 'nginx:1.27', actual: 'nginx:1.25' })).toBe(
      '이미지가 nginx:1.27이어야 하는데 nginx:1.25입니다.',
    )
  })

  it('words "eventually" by whether it waits for a value or a range', () => {
    expect(detail('ko', 'eventuallyNever', { within: '60', metric: 'deployments.web.readyReplicas', condition: '= 3', actual: '1' })).toBe(
      '60초 안에 `deployments.web.readyReplicas`가 3이 되지 않았습니다(마지막 값 1).',
    )
    expect(detail('ko', 'eventuallyNever', { within: '60', metric: 'pods.ready', condition: '3..∞', actual: '1' })).toBe(
      '60초 안에 `pods.ready`가 범위(3..∞)에 들지 않았습니다(마지막 값 1).',
    )
  })
})

describe('the feedback on every answer the course proves', () => {
  const exercises = loadCourses().flatMap((c) => c.lessons.flatMap((l) => (l.exercise ? [l.exercise] : [])))
  it.each(exercises.map((e) => [e.id, e] as const))(
    '%s: reads as Korean in ko and has no undefined or both particle forms in either language',
    (_, exercise) => {
      const answers = [exercise.starter, ...exercise.rightAnswers.map((r) => r.source), ...exercise.wrongAnswers.map((w) => w.source)]
      for (const lang of ['ko', 'en'] as const) {
        for (const answer of answers) {
          const { result } = gradeExercise(exercise, answer, { lang })
          const texts = [
            ...result.checks.flatMap((c) => [c.message, c.hint ?? '']),
            result.notRun ?? '',
            ...(result.commandErrors ?? []).map((e) => e.explanation),
          ]
          for (const text of texts) expect(text).not.toMatch(/undefined|\((이|을|은|과|으)\)|이\(가\)|을\(를\)|은\(는\)/)
          if (lang === 'ko')
            for (const c of result.checks.filter((c) => !c.passed && !c.notRun)) expect(c.message, c.id).toMatch(/[\uAC00-\uD7A3]/)
        }
      }
    },
  )
})
