import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from './main.ts'
import { findExercise } from '../content/load.ts'

async function kubelab(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}

const dir = mkdtempSync(join(tmpdir(), 'kubelab-cli-'))
const file = (name: string, text: string) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
// the course's own reference solution, as `kubelab grade pod-first-manifest` grades it
const solution = findExercise('pod-first-manifest')!.exercise.solution

describe('kubelab CLI', () => {
  it('prints help (exit 0), its version, and refuses an unknown command with exit 2', async () => {
    expect(await kubelab('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('validate') })
    expect((await kubelab('--version')).stdout).toMatch(/^kubelab \d+\.\d+\.\d+\n$/)
    expect(await kubelab('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') })
  })

  it('grades a file: exit 0 when passed, 1 when not, with the JSON contract', async () => {
    const passed = await kubelab('grade', 'pod-first-manifest', file('ok.yaml', solution), '--json')
    expect(passed.code).toBe(0)
    const result = JSON.parse(passed.stdout)
    expect(Object.keys(result).sort()).toEqual(['checks', 'durationMs', 'exercise', 'passed', 'score', 'validation'])
    expect(result).toMatchObject({ exercise: 'pod-first-manifest', passed: true, score: 1, validation: { valid: true, errors: [] } })
    expect(Object.keys(result.checks[0]).sort()).toEqual(['hint', 'id', 'line', 'message', 'passed', 'weight'])

    const failed = await kubelab('grade', 'pod-first-manifest', file('bad.yaml', solution.replace('1.27', '1.25')), '--lang', 'en')
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain(`✗ image: The image is \`nginx:1.27\``)
    expect(failed.stdout).toContain('bad.yaml:10')

    // refused YAML: its error, one line saying nothing ran, the checks marked not run without their hints
    const refused = await kubelab(
      'grade',
      'pod-first-manifest',
      file('refused.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n'),
      '--lang',
      'en',
    )
    expect(refused.stdout).toContain('The cluster did not run anything: it refused your YAML.')
    expect(refused.stdout).toMatch(/^– image: The image is `nginx:1\.27`[^\n]*\n– /m)

    // a command exercise: the refused command by its number, kubectl's words, what they mean
    const typo = await kubelab('grade', 'intro-get-nodes', file('commands.txt', 'kubectl get nods\n'), '--lang', 'en')
    expect(typo.stdout).toContain(
      'commands.txt: command 1: kubectl get nods\n    error: the server doesn\'t have a resource type "nods"\n    kubectl knows no resource type "nods".',
    )
  })

  it('answers usage and I/O errors with exit 2', async () => {
    expect((await kubelab('grade')).code).toBe(2)
    expect((await kubelab('grade', 'no-such-exercise', file('x.yaml', solution))).code).toBe(2)
    expect(await kubelab('grade', 'pod-first-manifest', join(dir, 'missing.yaml'))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ENOENT'),
    })
    expect((await kubelab('grade', 'pod-first-manifest', file('y.yaml', solution), '--lang', 'fr')).code).toBe(2)
    expect((await kubelab('content', 'nonsense')).code).toBe(2)
  })

  it('lists the course with titles in both languages', async () => {
    const { code, stdout } = await kubelab('content', 'list', '--json')
    expect(code).toBe(0)
    const { courses } = JSON.parse(stdout)
    expect(courses[0]).toMatchObject({ id: 'kubernetes-basics', title: { ko: expect.any(String), en: expect.any(String) } })
    const pod = courses[0].lessons.find((l: { id: string }) => l.id === 'pod')
    expect(pod.exercises).toEqual([
      { id: 'pod-first-manifest', kind: 'manifest', title: { ko: '첫 Pod 매니페스트', en: 'Your first Pod manifest' } },
    ])
    expect(pod.quizzes[0]).toMatchObject({ id: 'pod-basics', questions: expect.any(Number) })
    const ids = courses[0].lessons.map((l: { id: string }) => l.id)
    expect(ids.slice(0, 3)).toEqual(['intro', 'cluster', 'pod'])
    for (const id of ['cluster', 'resources', 'troubleshooting-pods', 'probes', 'graceful-termination']) expect(ids).toContain(id)
  })

  it('lists the lessons in the language asked for, and refuses another', async () => {
    const ko = await kubelab('content', 'list', '--lang', 'ko')
    expect(ko.code).toBe(0)
    expect(ko.stdout).toMatch(/^ {3}2\. cluster — \S*[가-힣]/m)
    expect(ko.stdout).toMatch(/^ {2}18\. graceful-termination — \S*[가-힣]/m)
    const en = await kubelab('content', 'list')
    expect(en.stdout).toContain('   2. cluster — How a cluster works')
    expect(await kubelab('content', 'list', '--lang', 'fr')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--lang must be ko or en'),
    })
  })

  it('shows an exercise with its starter, solution and wrong answers', async () => {
    const { code, stdout } = await kubelab('content', 'show', 'pod-first-manifest', '--json')
    expect(code).toBe(0)
    const exercise = JSON.parse(stdout)
    expect(exercise).toMatchObject({
      id: 'pod-first-manifest',
      kind: 'manifest',
      starter: expect.any(String),
      solution: expect.stringContaining('nginx:1.27'),
    })
    expect(exercise.wrongAnswers.length).toBeGreaterThanOrEqual(2)
  })
})
