import { describe, expect, it } from 'vitest'
import { exerciseSchema, type ExerciseInput } from './exercise-schema.ts'
import { gradeExercise } from './grade.ts'

const m = (en: string) => ({ ko: `[ko] ${en}`, en })
const base = { title: m('t'), instructions: m('i'), starter: '' }

const readinessAndPreStop = `
          readinessProbe:
            httpGet:
              path: /
              port: 80
            periodSeconds: 2
          lifecycle:
            preStop:
              sleep:
                seconds: 5`
const deployment = (
  strategy = '',
  image = 'nginx:1.27',
  targetPort: number | string = 80,
  probe = readinessAndPreStop,
) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
${strategy}  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: ${image}
          ports:
            - containerPort: 80${probe}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: ${targetPort}
`
const recreate = '  strategy:\n    type: Recreate\n'

function exercise(checks: ExerciseInput['checks'], extra: Partial<ExerciseInput> = {}) {
  return exerciseSchema.parse({
    id: 'checks-test',
    kind: 'manifest',
    ...base,
    solution: deployment(),
    scenario: [
      { wait: '30s' },
      { snapshot: 'ready' },
      { run: 'traffic start svc/web --rps 10' },
      { run: 'kubectl set image deployment/web nginx=nginx:1.28' },
      { wait: '90s' },
      { snapshot: 'rolled' },
    ],
    checks: checks.map((c) => ({ ...c, message: m(`check ${c.id}`), hint: m(`hint ${c.id}`) })),
    ...extra,
  })
}

function verdicts(ex: ReturnType<typeof exercise>, source: string) {
  const { result } = gradeExercise(ex, source, { lang: 'en' })
  return Object.fromEntries(result.checks.map((c) => [c.id, c.passed ? 'pass' : c.message]))
}

const message = m('m')
const hint = m('h')

describe('check vocabulary', () => {
  const rollout = exercise([
    {
      id: 'deployment',
      type: 'deployment',
      name: 'web',
      availableReplicas: 3,
      updatedReplicas: 3,
      image: 'nginx:1.28',
      revision: 2,
      condition: { type: 'Available', status: 'True' },
      message,
      hint,
    },
    {
      id: 'service',
      type: 'service',
      name: 'web',
      serviceType: 'ClusterIP',
      port: { port: 80, targetPort: 80 },
      readyEndpoints: 3,
      message,
      hint,
    },
    {
      id: 'never-below-3',
      type: 'invariant',
      metric: 'deployments.web.availableReplicas',
      min: 3,
      from: 'ready',
      to: 'rolled',
      message,
      hint,
    },
    { id: 'at-most-4', type: 'invariant', metric: 'deployments.web.replicas', max: 4, from: 'ready', message, hint },
    { id: 'ready-in-30s', type: 'eventually', metric: 'deployments.web.availableReplicas', equals: 3, within: '30s', message, hint },
    { id: 'no-failed-request', type: 'traffic', service: 'web', maxFailed: 0, message, hint },
    {
      id: 'scaled-event',
      type: 'event',
      reason: 'ScalingReplicaSet',
      object: 'Deployment/web',
      messageMatches: 'Scaled up',
      message,
      hint,
    },
    { id: 'no-warnings-of-pull', type: 'event', reason: 'Failed', absent: true, message, hint },
    { id: 'get-output', type: 'output', command: 'kubectl get deployment web', matches: 'web\\s+3/3\\s+3\\s+3', message, hint },
    {
      id: 'pods',
      type: 'pods',
      selector: { app: 'web' },
      count: 3,
      phase: 'Running',
      ready: true,
      image: 'nginx:1.28',
      minNodes: 2,
      replacedSince: 'ready',
      message,
      hint,
    },
  ])

  it('passes every kind of check on a zero-downtime rolling update', () => {
    expect(verdicts(rollout, deployment())).toEqual(Object.fromEntries(rollout.checks.map((c) => [c.id, 'pass'])))
  })

  it('counts the requests a rollout without a readiness probe or preStop loses', () => {
    expect(verdicts(rollout, deployment('', 'nginx:1.27', 80, ''))['no-failed-request']).toMatch(/[1-9]\d* of \d+ requests failed/)
  })

  it('fails the timeline and traffic checks for a Recreate rollout, and says when and how much', () => {
    const v = verdicts(rollout, deployment(recreate))
    expect(v['never-below-3']).toMatch(/`deployments\.web\.availableReplicas` was 0, outside 3\.\.∞/)
    expect(v['no-failed-request']).toMatch(/^check no-failed-request — \d+ of \d+ requests failed\.$/)
    expect(v['at-most-4']).toBe('pass')
    expect(v.deployment).toBe('pass')
  })

  it('fails endpoint and traffic checks when the Service targets the wrong port', () => {
    const v = verdicts(rollout, deployment('', 'nginx:1.27', 8080))
    expect(v.service).toMatch(/`targetPort` should be 80, but it is 8080/)
    expect(v['no-failed-request']).toMatch(/requests failed/)
  })

  it('fails the deployment, pods and eventually checks when the image cannot be pulled', () => {
    const stalled = exercise(
      [
        { id: 'ready-in-30s', type: 'eventually', metric: 'deployments.web.availableReplicas', equals: 3, within: '30s', message, hint },
        { id: 'pods', type: 'pods', selector: { app: 'web' }, minCount: 3, ready: true, message, hint },
        { id: 'pull-warning', type: 'event', reason: 'Failed', eventType: 'Warning', message, hint },
        { id: 'available', type: 'deployment', name: 'web', condition: { type: 'Available', status: 'True' }, message, hint },
      ],
      { scenario: [{ wait: '60s' }] },
    )
    const v = verdicts(stalled, deployment('', 'nginx:9.99'))
    expect(v['ready-in-30s']).toMatch(/` did not reach = 3 within 30 s \(last value 0\)/)
    expect(v.pods).toMatch(/ImagePullBackOff|ErrImagePull/)
    expect(v['pull-warning']).toBe('pass')
    expect(v.available).toMatch(/Condition Available=True is not there/)
  })

  it('sees replaced pods and the node they left after a node failure', () => {
    const failure = exercise(
      [
        { id: 'replaced', type: 'pods', selector: { app: 'web' }, count: 3, ready: true, notOnNode: 'node-1', message, hint },
        { id: 'endpoints-dip', type: 'invariant', metric: 'services.web.readyEndpoints', min: 3, from: 'ready', message, hint },
      ],
      { scenario: [{ wait: '30s' }, { snapshot: 'ready' }, { run: 'node fail node-1' }, { wait: '7m' }] },
    )
    const v = verdicts(failure, deployment())
    expect(v.replaced).toBe('pass')
    expect(v['endpoints-dip']).toMatch(/`services\.web\.readyEndpoints` was [0-2]/)
  })

  it('fails event and output checks with what was (not) seen', () => {
    const quiet = exercise(
      [
        { id: 'rollback-event', type: 'event', reason: 'DeploymentRollback', message, hint },
        { id: 'no-scaling', type: 'event', reason: 'ScalingReplicaSet', absent: true, message, hint },
        { id: 'five-ready', type: 'output', command: 'kubectl get deployment web', matches: '5/5', message, hint },
      ],
      { scenario: [{ wait: '30s' }] },
    )
    const v = verdicts(quiet, deployment())
    expect(v['rollback-event']).toBe('check rollback-event — No DeploymentRollback event was recorded.')
    expect(v['no-scaling']).toMatch(/A ScalingReplicaSet event was recorded: Scaled up replica set web-[a-z0-9]+ from 0 to 3/)
    expect(v['five-ready']).toBe('check five-ready — The output of `kubectl get deployment web` is not what was expected.')
  })

  it('refuses a check that refers to a moment the scenario never marks', () => {
    const parsed = exerciseSchema.safeParse({ ...rollout, checks: [{ id: 'x', type: 'pods', name: 'web', at: 'later', message, hint }] })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toContain('no moment "later"')
  })
})

/** The 1-based line of the first line of `source` that contains `text` after `after` (a line-number oracle for the tests). */
function lineWith(source: string, text: string, after = ''): number {
  const lines = source.split('\n')
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0
  const i = lines.findIndex((l, n) => n >= start && l.includes(text))
  if (i < 0) throw new Error(`no line with ${text}`)
  return i + 1
}

describe('the line of a failed check is the field that is wrong', () => {
  const statuses = exercise(
    [
      { id: 'pods', type: 'pods', selector: { app: 'web' }, count: 3, ready: true, message, hint },
      { id: 'available', type: 'deployment', name: 'web', availableReplicas: 3, message, hint },
      {
        id: 'service',
        type: 'service',
        name: 'web',
        port: { port: 80, targetPort: 80 },
        readyEndpoints: 3,
        message,
        hint,
        line: { kind: 'Service', name: 'web', path: 'metadata.name' },
      },
    ],
    { scenario: [{ wait: '60s' }] },
  )
  const grade = (source: string, lang: 'en' | 'ko' = 'en') =>
    Object.fromEntries(gradeExercise(statuses, source, { lang }).result.checks.map((c) => [c.id, c]))

  it('an image that cannot be pulled: the image line, for the pods and the deployment check', () => {
    const source = deployment('', 'ngnix:1.27')
    const v = grade(source)
    expect([v.pods!.line, v.available!.line]).toEqual([lineWith(source, 'image: ngnix'), lineWith(source, 'image: ngnix')])
  })

  it('a readiness probe that never succeeds: the probe, not its neighbour', () => {
    const source = deployment('', 'nginx:1.27', 80, readinessAndPreStop.replace('port: 80', 'port: 8080'))
    const v = grade(source)
    expect(v.pods!.line).toBe(lineWith(source, 'readinessProbe:'))
    expect(v.service).toMatchObject({ passed: false, line: lineWith(source, 'readinessProbe:') })
  })

  it('a wrong targetPort: the targetPort line, whatever line the author gave', () => {
    const source = deployment('', 'nginx:1.27', 8080)
    expect(grade(source).service).toMatchObject({ passed: false, line: lineWith(source, 'targetPort: 8080') })
  })

  it('a Service selector that matches no Pod: both sides named, in both languages, on the selector line', () => {
    // an unlabelled helper Pod is not one the selector could have meant: it is not listed
    const client =
      '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: client\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n'
    const source = deployment().replace('  selector:\n    app: web', '  selector:\n    app: hello') + client
    const en = grade(source).service!
    expect(en).toMatchObject({ passed: false, line: lineWith(source, 'selector:', 'kind: Service') })
    expect(en.message).toBe(
      'check service — ready endpoints should be 3, but it is 0. The selector `app=hello` matches no Pod; the Pods have `app=web`.',
    )
    expect(grade(source, 'ko').service!.message).toBe(
      '[ko] check service — 준비된 엔드포인트 수가 3이어야 하는데 0입니다. 셀렉터 `app=hello`에 맞는 Pod가 없습니다. 지금 Pod의 레이블은 `app=web`입니다.',
    )
  })

  it('Pods whose labels the pods check’s selector misses: both sides named, on the template’s labels line', () => {
    const source = deployment().replaceAll('app: web', 'app: hello')
    const pods = grade(source).pods!
    expect(pods).toMatchObject({ passed: false, line: lineWith(source, 'labels:', 'template:') })
    expect(pods.message).toBe('check pods — No Pod matching app=web is in the cluster. The Pods have `app=hello`.')
    expect(grade(source, 'ko').pods!.message).toBe(
      '[ko] check pods — app=web에 해당하는 Pod가 클러스터에 없습니다. 지금 Pod의 레이블은 `app=hello`입니다.',
    )
  })

  it('a Deployment with the wrong number of replicas: the replicas line; the right number that is not ready: not that line', () => {
    const source = deployment().replace('replicas: 3', 'replicas: 2')
    expect(grade(source).available).toMatchObject({ passed: false, line: lineWith(source, 'replicas: 2') })
    const pending = deployment('', 'nginx:1.27', 80, readinessAndPreStop.replace('port: 80', 'port: 8080'))
    expect(grade(pending).available).toMatchObject({ passed: false, line: lineWith(pending, 'readinessProbe:') })
  })
})

describe('command exercises', () => {
  const scale = exerciseSchema.parse({
    id: 'scale-web',
    kind: 'command',
    ...base,
    solution: 'kubectl scale deployment/web --replicas=5',
    setup: [{ apply: deployment() }, { wait: '30s' }],
    scenario: [{ wait: '30s' }],
    checks: [
      { id: 'five', type: 'deployment', name: 'web', replicas: 5, availableReplicas: 5, message, hint },
      { id: 'looked', type: 'output', learner: true, matches: '^web\\s', message, hint },
      { id: 'still-there', type: 'object', kind: 'Service', name: 'web', message, hint },
    ],
  })

  it('grades commands typed against a prepared cluster, including what they printed', () => {
    const { result, simulation } = gradeExercise(
      scale,
      'kubectl get deployments\n# then scale\n$ kubectl scale deployment/web --replicas=5\n',
      { lang: 'en' },
    )
    expect(result.checks.map((c) => c.passed)).toEqual([true, true, true])
    expect(result.passed).toBe(true)
    expect(simulation?.commandOutputs.map((c) => c.command)).toEqual([
      'kubectl get deployments',
      'kubectl scale deployment/web --replicas=5',
    ])
    expect(simulation?.commandOutputs[1]?.output).toContain('deployment.apps/web scaled')
  })

  it('fails with the numbers it saw when the learner scaled to the wrong count', () => {
    const { result } = gradeExercise(scale, { commands: ['kubectl scale deployment/web --replicas=4'] }, { lang: 'en' })
    expect(result.checks[0]!.message).toMatch(/`status\.replicas` should be 5, but it is 4/)
    expect(result.checks[1]!.passed).toBe(false)
    expect(result.passed).toBe(false)
  })

  it('treats an unknown command as a failed step, not an error', () => {
    const { result, simulation } = gradeExercise(scale, { commands: ['kubectl frobnicate'] }, { lang: 'en' })
    expect(result.passed).toBe(false)
    expect(simulation?.commandOutputs[0]?.ok).toBe(false)
  })
})
