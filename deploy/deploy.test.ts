/**
 * deploy/ proved with Kubelab's own tools (ADR 0016): every manifest passes `kubelab validate`; the rollout scenario
 * passes `kubelab simulate` (no request lost on an upgrade, a version that never gets ready stops the rollout) and
 * fails without the readiness probe (the expectation can fail); the manifests keep the promises the README makes;
 * docker-compose.yml migrates once and never lets the app migrate or seed.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, parseAllDocuments } from 'yaml'
import { describe, expect, it } from 'vitest'
import { runCli } from '../lib/cli/main.ts'
import { parseScenario, runScenario } from '../lib/sim/index.ts'
import { validateManifests } from '../lib/k8s/index.ts'

const dir = join('deploy', 'kubernetes')
const manifests = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
const read = (file: string) => readFileSync(join(dir, file), 'utf8')
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc = (file: string) => parse(read(file)) as any

async function kubelab(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}

describe('deploy/kubernetes passes kubelab validate', () => {
  it('every file: each object valid, the kustomization skipped and said so', async () => {
    expect(manifests).toEqual([
      'configmap.yaml',
      'deployment.yaml',
      'ingress.yaml',
      'kustomization.yaml',
      'migrate-job.yaml',
      'namespace.yaml',
      'pdb.yaml',
      'secret.example.yaml',
      'service.yaml',
      'serviceaccount.yaml',
    ])
    const r = await kubelab('validate', ...manifests.map((f) => join(dir, f)))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain("deploy/kubernetes/kustomization.yaml: a kustomization (kustomize's file, not an API object): skipped")
    for (const kind of [
      'Deployment/kubelab',
      'Service/kubelab',
      'Ingress/kubelab — not simulated',
      'Job/kubelab-migrate — not simulated',
      'PodDisruptionBudget/kubelab — not simulated',
      'Secret/kubelab — not simulated',
      'ConfigMap/kubelab',
      'ServiceAccount/kubelab — not simulated',
      'Namespace/kubelab',
    ]) {
      expect(r.stdout).toContain(kind)
    }
    expect(r.stdout).not.toContain('ConfigMap/kubelab — not simulated') // simulated since the kinds' registry (issue 18)
  })

  it('schema-checks the kinds the simulator does not run: a misspelt field in the Job is an error', () => {
    const broken = read('migrate-job.yaml').replace('backoffLimit: 4', 'backofLimit: 4')
    const r = validateManifests(broken, { kinds: 'all', file: 'migrate-job.yaml' })
    expect(r.errors.map((e) => e.message)).toEqual(['strict decoding error: unknown field "spec.backofLimit"'])
  })

  it('the kustomization lists every manifest but the example Secret, and applies one image to the Deployment and the Job', () => {
    const k = doc('kustomization.yaml')
    expect([...k.resources].sort()).toEqual(manifests.filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml'))
    expect(k.namespace).toBe('kubelab')
    expect(k.images).toEqual([{ name: 'kubelab', newName: expect.any(String), newTag: expect.any(String) }])
    expect(doc('deployment.yaml').spec.template.spec.containers[0].image.split(':')[0]).toBe('kubelab')
    expect(doc('migrate-job.yaml').spec.template.spec.containers[0].image).toBe(
      doc('deployment.yaml').spec.template.spec.containers[0].image,
    )
  })

  it.skipIf(!hasKubectl())('renders with kubectl kustomize into objects kubelab validate accepts, images rewritten', () => {
    const rendered = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' })
    const r = validateManifests(rendered, { kinds: 'all' })
    expect(r.errors).toEqual([])
    expect(r.objects.length + r.unsimulated!.length).toBe(8)
    expect([...rendered.matchAll(/image: (\S+)/g)].map((m) => m[1])).toEqual([
      doc('kustomization.yaml').images[0].newName + ':' + doc('kustomization.yaml').images[0].newTag,
      doc('kustomization.yaml').images[0].newName + ':' + doc('kustomization.yaml').images[0].newTag,
    ])
    expect(rendered).not.toMatch(/^kind: Secret$/m)
  })
})

describe('the manifests keep their promises', () => {
  const deployment = doc('deployment.yaml')
  const pod = deployment.spec.template.spec
  const container = pod.containers[0]

  it('three replicas, rolled without taking one out of service, spread over nodes, covered by the disruption budget', () => {
    expect(deployment.spec.replicas).toBe(3)
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } })
    expect(pod.topologySpreadConstraints[0].topologyKey).toBe('kubernetes.io/hostname')
    const pdb = doc('pdb.yaml')
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels)
    expect(doc('service.yaml').spec.selector).toEqual(deployment.spec.selector.matchLabels)
    // the Job's pod is not one of the Service's endpoints
    expect(doc('migrate-job.yaml').spec.template.metadata.labels['app.kubernetes.io/component']).not.toBe(
      deployment.spec.selector.matchLabels['app.kubernetes.io/component'],
    )
  })

  it('readiness on /api/ready, liveness on /api/health, a preStop sleep inside the grace period', () => {
    expect(container.readinessProbe.httpGet).toEqual({ path: '/api/ready', port: 'http' })
    expect(container.livenessProbe.httpGet).toEqual({ path: '/api/health', port: 'http' })
    expect(container.startupProbe.httpGet.path).toBe('/api/health')
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }])
    const sleep = Number(container.lifecycle.preStop.exec.command[1])
    expect(container.lifecycle.preStop.exec.command[0]).toBe('sleep')
    expect(sleep).toBeGreaterThanOrEqual(5)
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(sleep + 10)
  })

  it('non-root, read-only, no token, resources that fit the measured RSS and the grading threads', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 })
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    })
    expect(pod.automountServiceAccountToken).toBe(false)
    expect(container.resources).toEqual({ requests: { cpu: '500m', memory: '512Mi' }, limits: { cpu: '2', memory: '1Gi' } })
    const config = doc('configmap.yaml').data
    expect(config.KUBELAB_GRADING_THREADS).toBe(container.resources.limits.cpu)
    // main heap + 2 threads × 256 MiB stays under the limit
    const heap = Number(/--max-old-space-size=(\d+)/.exec(config.NODE_OPTIONS)![1])
    expect(heap + Number(config.KUBELAB_GRADING_THREADS) * 256).toBeLessThan(1024)
    expect(pod.volumes.map((v: { name: string }) => v.name)).toEqual(container.volumeMounts.map((m: { name: string }) => m.name))
  })

  it('servers never migrate; the Job does, with the same image, and secrets are referenced, never committed', () => {
    expect(doc('configmap.yaml').data.KUBELAB_MIGRATE).toBe('0')
    // behind the Ingress the per-address limits need the forwarded address, not the controller's
    expect(doc('configmap.yaml').data.TRUST_PROXY).toBe('1')
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'kubelab' } }])
    const job = doc('migrate-job.yaml')
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'dist/kubelab.mjs', 'db', 'migrate'])
    expect(job.spec.template.spec.restartPolicy).toBe('Never')
    const fromSecret = (env: { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[]) =>
      env.filter((e) => e.valueFrom?.secretKeyRef?.name === 'kubelab').map((e) => e.name)
    expect(fromSecret(container.env)).toEqual(['AUTH_SECRET', 'DATABASE_URL', 'METRICS_TOKEN'])
    // the metrics token is optional: a Secret without it still starts the pods
    expect(container.env.find((e: { name: string }) => e.name === 'METRICS_TOKEN').valueFrom.secretKeyRef.optional).toBe(true)
    expect(fromSecret(job.spec.template.spec.containers[0].env)).toEqual(['DATABASE_URL'])
    // the example's placeholders would stop Kubelab from starting (AUTH_SECRET must have 32 characters)
    const example = doc('secret.example.yaml')
    expect(example.stringData.AUTH_SECRET.length).toBeLessThan(32)
    expect(readFileSync('.gitignore', 'utf8')).toContain('/deploy/kubernetes/secret.yaml')
    for (const file of manifests.filter((f) => f !== 'secret.example.yaml')) expect(read(file), file).not.toMatch(/^kind: Secret$/m)
  })
})

describe('deploy/rollout.scenario.yaml passes kubelab simulate', () => {
  const scenarioFile = join('deploy', 'rollout.scenario.yaml')

  it('applies the real Deployment and Service, upgrades under traffic without losing a request, and stops a version that never gets ready', async () => {
    const r = await kubelab('simulate', scenarioFile)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('$ kubectl apply -f kubernetes/deployment.yaml')
    expect(r.stdout).toContain('ok: traffic.kubelab.failed = 0')
    expect(r.stdout).not.toContain('FAILED')
    expect(r.stdout).toMatch(/# all \d+ steps succeeded/)
    const json = JSON.parse((await kubelab('simulate', scenarioFile, '--json')).stdout)
    expect(json.snapshots.upgraded.traffic.kubelab.sent).toBeGreaterThanOrEqual(4000)
    expect(json.final.traffic.kubelab).toMatchObject({ failed: 0 })
  })

  it('fails when the Deployment loses its readiness and startup probes: new pods take traffic before the server listens', () => {
    const text = readFileSync(scenarioFile, 'utf8')
    const withoutProbes = (path: string) => {
      const source = readFileSync(join('deploy', path), 'utf8')
      return path.endsWith('deployment.yaml') ? source.replace(/ {10}(readinessProbe|startupProbe):\n( {12}.*\n)+/g, '') : source
    }
    const { scenario, errors } = parseScenario(text, { readFile: withoutProbes })
    expect(errors).toEqual([])
    const result = runScenario(scenario!)
    const upgrade = result.steps.find((s) => s.kind === 'expect' && s.output.includes('traffic.kubelab.sent'))!
    expect(upgrade.ok).toBe(false)
    expect(upgrade.output).toMatch(/FAILED: traffic\.kubelab\.failed = 0, but it is [1-9]\d*/)
    expect(result.ok).toBe(false)
  })
})

describe('docker-compose.yml', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const compose = parseAllDocuments(readFileSync('docker-compose.yml', 'utf8'))[0]!.toJS({ merge: true } as never) as any
  const compose2 = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true })

  it('runs the migration once, then the app without migrating, from one image, on PostgreSQL', () => {
    const { app, migrate, postgres, redis } = compose2.services
    expect(compose).toBeTruthy()
    expect(migrate.command).toEqual(['node', 'dist/kubelab.mjs', 'db', 'migrate'])
    expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } })
    expect(app.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } })
    expect(app.environment.KUBELAB_MIGRATE).toBe('0')
    expect(app.image).toBe(migrate.image)
    expect(app.build).toBe('.')
    expect(app.environment.DATABASE_URL).toMatch(/^postgresql:\/\/kubelab:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/kubelab$/)
    expect(app.environment.DATABASE_URL).toBe(migrate.environment.DATABASE_URL)
    expect(postgres.healthcheck.test.join(' ')).toContain('pg_isready')
    expect(redis.profiles).toEqual(['redis'])
  })

  it('never creates demo accounts and requires its secrets', () => {
    const text = readFileSync('docker-compose.yml', 'utf8')
    expect(text).not.toMatch(/SEED_DEMO|NODE_ENV/)
    expect(compose2.services.app.environment.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/)
  })
})

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
