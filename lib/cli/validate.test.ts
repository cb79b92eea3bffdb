import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from './validate.ts'

const dir = mkdtempSync(join(tmpdir(), 'kubelab-validate-'))
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

const mismatch = file(
  'mismatch.yaml',
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
)
const valid = file(
  'valid.yaml',
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n',
)

async function cli(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

describe('kubelab validate', () => {
  it('--json prints exactly one JSON object in the contract shape and exits 1 for an invalid file', async () => {
    const r = await cli(mismatch, '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      errors: [
        {
          file: mismatch,
          document: 0,
          kind: 'Deployment',
          name: 'web',
          field: 'spec.template.metadata.labels',
          type: 'FieldValueInvalid',
          line: 12,
          column: 7,
          message: 'Invalid value: {"app":"api"}: `selector` does not match template `labels`',
          hint: { ko: expect.stringContaining('8번째 줄'), en: expect.stringContaining('(line 8)') },
        },
      ],
    })
  })

  it('exits 0 with valid: true when every file is valid', async () => {
    const r = await cli('--json', valid)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({ valid: true, errors: [] })
  })

  it('lists fields the simulator does not act on as warnings, which keep the file valid (exit 0)', async () => {
    const limited = file(
      'limits.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources: {limits: {cpu: 500m}}\n',
    )
    const json = await cli('--json', limited)
    expect(json.code).toBe(0)
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: true,
      errors: [],
      warnings: [{ field: 'spec.containers[0].resources.limits[cpu]', type: 'NotSimulated', line: 8 }],
    })
    const text = await cli('--lang', 'ko', limited)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`${limited}:8:26: Warning: spec.containers[0].resources.limits[cpu]: accepted but not simulated here:`)
    expect(text.stdout).toContain('힌트: `spec.containers[0].resources.limits[cpu]` 필드는 유효하지만')
  })

  it('text mode prints kubectl-style lines prefixed with file:line:column', async () => {
    const r = await cli(valid, mismatch)
    expect(r.code).toBe(1)
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${valid}: 1 object valid (Service/web)`,
      `${mismatch}:12:7: The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"api"}: \`selector\` does not match template \`labels\``,
    ])
  })

  it('--lang adds the learner hint under each error', async () => {
    const r = await cli(mismatch, '--lang', 'ko')
    expect(r.stdout).toContain('    힌트: spec.selector.matchLabels (8번째 줄)')
  })

  it('reports YAML syntax, unknown kinds and bad bytes per file with positions', async () => {
    const broken = file('broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n\tlabels: {}\n')
    const unknown = file('cronjob.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\n')
    const bytes = file('latin1.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]))
    const r = await cli('--json', broken, unknown, bytes)
    expect(r.code).toBe(1)
    const errors = JSON.parse(r.stdout).errors
    expect(errors.map((e: { file: string; type: string; line: number }) => [e.file, e.type, e.line])).toEqual([
      [broken, 'YAMLSyntax', 5],
      [unknown, 'NoKindMatch', 2],
      [bytes, 'YAMLSyntax', 1],
    ])
    const text = await cli(unknown)
    expect(text.stdout).toBe(
      `${unknown}:2:1: error: resource mapping not found for name: "x" namespace: "": no matches for kind "CronJob" in version "batch/v1"\n`,
    )
  })

  it('exits 2 on a missing file, still printing one JSON object with --json', async () => {
    const r = await cli('--json', valid, join(dir, 'missing.yaml'))
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: false, errors: [], error: expect.stringContaining('missing.yaml') })
    expect(r.stderr).toContain('cannot read')
  })

  it.each([[[]], [['--frobnicate', valid]], [['--lang', 'fr', valid]]])('exits 2 on usage errors: %j', async (args) => {
    const r = await cli(...args)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Usage: npm run -s kubelab -- validate')
  })

  it('works end to end through bin/kubelab.ts', () => {
    const r = spawnSync('npx', ['tsx', 'bin/kubelab.ts', 'validate', mismatch, '--json'], {
      cwd: new URL('../../', import.meta.url),
      encoding: 'utf8',
    })
    expect(r.status).toBe(1)
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({ field: 'spec.template.metadata.labels', line: 12, column: 7 })
  })
})

describe('kubelab validate on a huge file', () => {
  it('refuses more than 3 MiB without reading it all', async () => {
    const big = file('big.yaml', `apiVersion: v1\nkind: Pod\n# ${'x'.repeat(5 * 1024 * 1024)}\n`)
    const r = await cli('--json', big)
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).errors).toEqual([
      expect.objectContaining({ file: big, type: 'FieldValueTooLong', message: 'Request entity too large: limit is 3145728' }),
    ])
  })
})
