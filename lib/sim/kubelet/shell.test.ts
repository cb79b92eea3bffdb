import { describe, expect, it } from 'vitest'
import { compileShell, newShellState, runShell, type ShellProgram } from './shell.ts'

const ctx = (files: Record<string, string> = {}) => ({ now: 0, epoch: 0, hostname: 'pod-1', tools: new Set(['echo', 'sleep', 'cat', 'touch', 'rm', 'tail']), files, env: { GREETING: 'hi' } })

function run(script: string, files: Record<string, string> = {}) {
  const p = compileShell(script) as ShellProgram
  return runShell(p, newShellState(), ctx(files))
}

describe('shell subset', () => {
  it('runs sequences, && and ||, and exits with the last status', () => {
    expect(run('echo a; false || echo b; true && echo c')).toMatchObject({ output: ['a', 'b', 'c'], exit: 0 })
    expect(run('false && echo never')).toMatchObject({ output: [], exit: 1 })
    expect(run('echo $GREETING $HOSTNAME; exit 7')).toMatchObject({ output: ['hi pod-1'], exit: 7 })
  })
  it('blocks in sleep and resumes later', () => {
    const p = compileShell('echo start; sleep 5; echo end') as ShellProgram
    const first = runShell(p, newShellState(), ctx())
    expect(first).toMatchObject({ output: ['start'], sleepUntil: 5000 })
    const second = runShell(p, first.state, { ...ctx(), now: 5000 })
    expect(second).toMatchObject({ output: ['end'], exit: 0 })
  })
  it('supports files, loops and conditionals', () => {
    const files: Record<string, string> = {}
    expect(run('touch /tmp/x; if cat /tmp/x; then echo yes; else echo no; fi', files).output).toEqual(['yes'])
    expect(run('for i in 1 2 3; do echo n$i; done').output).toEqual(['n1', 'n2', 'n3'])
    expect(run('echo hi > /tmp/y', files).output).toEqual([])
    expect(files['/tmp/y']).toBe('hi\n')
    expect(run("cat /nope").output).toEqual(["cat: can't open '/nope': No such file or directory"])
    expect(run('nosuch').output).toEqual(['sh: nosuch: not found'])
  })
  it('tail prints the last lines of a file (-n N, -N, default 10)', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    expect(run('tail /log', { '/log': text }).output).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i + 3}`))
    expect(run('tail -n 2 /log', { '/log': text }).output).toEqual(['line 11', 'line 12'])
    expect(run('tail -1 /log', { '/log': text }).output).toEqual(['line 12'])
    expect(run('tail /nope')).toMatchObject({ output: ["tail: can't open '/nope': No such file or directory"], exit: 1 })
    expect(run('tail -x /log', { '/log': text }).output).toEqual(["tail: unrecognized option '-x'"])
  })

  it('tail -f follows a file in virtual time: new complete lines, truncation, -F waits for a missing file', () => {
    const files: Record<string, string> = { '/log': 'a\nb\n' }
    const p = compileShell('tail -n 1 -f /log') as ShellProgram
    let step = runShell(p, newShellState(), { ...ctx(files), now: 0 })
    expect(step).toMatchObject({ output: ['b'], sleepUntil: 1000 })
    files['/log'] += 'c\nd\npartial'
    step = runShell(p, step.state, { ...ctx(files), now: 1000 })
    expect(step).toMatchObject({ output: ['c', 'd'], sleepUntil: 2000 })
    files['/log'] += ' line\n'
    step = runShell(p, step.state, { ...ctx(files), now: 2000 })
    expect(step.output).toEqual(['partial line'])
    files['/log'] = 'new\n'
    step = runShell(p, step.state, { ...ctx(files), now: 3000 })
    expect(step.output).toEqual(['tail: /log: file truncated', 'new'])
    expect(runShell(compileShell('tail -f /nope') as ShellProgram, newShellState(), ctx())).toMatchObject({ exit: 1 })
    const waiting: Record<string, string> = {}
    const q = compileShell('tail -F /later') as ShellProgram
    let w = runShell(q, newShellState(), ctx(waiting))
    expect(w).toMatchObject({ output: ["tail: can't open '/later': No such file or directory"], sleepUntil: 1000 })
    waiting['/later'] = 'hello\n'
    w = runShell(q, w.state, { ...ctx(waiting), now: 1000 })
    expect(w.output).toEqual(['hello'])
  })

  it('cuts off a loop that never sleeps instead of hanging', () => {
    expect(run('while true; do echo x; done').sleepUntil).toBe(Infinity)
  })
  it('reports syntax errors', () => {
    expect(compileShell('if true; then echo')).toHaveProperty('error')
    expect(compileShell("echo 'oops")).toHaveProperty('error')
  })
})
