import { describe, expect, it } from 'vitest'
import { compileShell, newShellState, runShell, type ShellProgram } from './shell.ts'

const ctx = (files: Record<string, string> = {}) => ({ now: 0, epoch: 0, hostname: 'pod-1', tools: new Set(['echo', 'sleep', 'cat', 'touch', 'rm']), files, env: { GREETING: 'hi' } })

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
  it('cuts off a loop that never sleeps instead of hanging', () => {
    expect(run('while true; do echo x; done').sleepUntil).toBe(Infinity)
  })
  it('reports syntax errors', () => {
    expect(compileShell('if true; then echo')).toHaveProperty('error')
    expect(compileShell("echo 'oops")).toHaveProperty('error')
  })
})
