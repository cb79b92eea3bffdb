import { describe, expect, it } from 'vitest'
import { compileShell, newShellState, runShell, type ShellProgram } from './shell.ts'

const ctx = (files: Record<string, string> = {}) => ({
  now: 0,
  epoch: 0,
  hostname: 'pod-1',
  tools: new Set(['echo', 'sleep', 'cat', 'touch', 'rm', 'tail']),
  files,
  env: { GREETING: 'hi' },
})

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
    expect(run('cat /nope').output).toEqual(["cat: can't open '/nope': No such file or directory"])
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

/**
 * What busybox (1.36, the `busybox` image) prints and returns for what beginners type. Sources read:
 * shell/ash.c (procargs, setinputfile, ash_vmsg, ash_msg_and_raise_error, find_command, exitcmd/number),
 * coreutils/echo.c, coreutils/sleep.c with libbb/duration.c, coreutils/cat.c, libbb/remove_file.c,
 * networking/wget.c (usage).
 */
describe('busybox fidelity (shell/ash.c, coreutils/*.c)', () => {
  const cases: [title: string, script: string, output: string[], exit: number][] = [
    // setinputfile: exitstatus 127, then ash_msg_and_raise_error sets 2 before the shell exits
    ['sh with a script file that does not exist', 'sh "echo done"', ["sh: can't open 'echo done': No such file or directory"], 2],
    ['the prefix is the shell as invoked', '/bin/sh missing.sh', ["/bin/sh: can't open 'missing.sh': No such file or directory"], 2],
    ['sh -c without its argument', 'sh -c', ['sh: -c requires an argument'], 2],
    ['sh -c runs the script; its status is the command status', 'sh -c "echo in; exit 3"; echo "after $?"', ['in', 'after 3'], 0],
    ['a bare sh reads an empty stdin and exits 0', 'sh && echo ok', ['ok'], 0],
    ['an unknown command in sh -c', 'sh -c foo', ['sh: foo: not found'], 127],
    ['an unknown command at the top level', 'foo; echo $?x', ['sh: foo: not found', '127x'], 0],
    // shell/ash.c raise_error_unexpected_syntax: "unexpected <token> (expecting <token>)"
    [
      'a syntax error in sh -c ends that shell with 2',
      "sh -c 'if true; then echo'",
      ['sh: syntax error: unexpected end of file (expecting "fi")'],
      2,
    ],
    ['a keyword where a command belongs', "sh -c 'echo a; fi'", ['sh: syntax error: unexpected "fi"'], 2],
    ['an operator with nothing after it', "sh -c 'echo a &&'", ['sh: syntax error: unexpected end of file'], 2],
    ['exit with a number', 'exit 300', [], 44],
    ['exit with a word: the builtin names itself and the line', 'echo a\nexit abc', ['a', 'sh: exit: line 2: Illegal number: abc'], 2],
    ['echo -n', 'echo -n hi', ['hi'], 0],
    ['echo -e interprets escapes', 'echo -e "a\\tb\\nc"', ['a\tb', 'c'], 0],
    ['echo without -e prints backslashes as they are', 'echo "a\\nb"', ['a\\nb'], 0],
    ['echo -e \\c stops the output', 'echo -e "one\\ctwo"', ['one'], 0],
    ['echo -ne combines flags', 'echo -ne "x\\ny"', ['x', 'y'], 0],
    ['a word that is not only flags is printed', 'echo -nx hi', ['-nx hi'], 0],
    [
      'sleep without an operand shows its usage',
      'sleep',
      [
        'Usage: sleep [N]...',
        '',
        'Pause for a time equal to the total of the args given, where each arg can',
        'have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays',
      ],
      1,
    ],
    ['sleep with a bad number', 'sleep abc', ["sleep: invalid number 'abc'"], 1],
    ['sleep names the bad operand', 'sleep 1 2x', ["sleep: invalid number '2x'"], 1],
    ['cat of a missing file', 'cat /nope; echo $?', ["cat: can't open '/nope': No such file or directory", '1'], 0],
    ['rm of a missing file', 'rm /nope', ["rm: can't remove '/nope': No such file or directory"], 1],
    ['rm -f of a missing file is quiet', 'rm -f /nope', [], 0],
    [
      'wget without a URL shows its usage',
      'wget',
      [
        'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]',
        '\t[--post-data STR | --post-file FILE] [-Y on/off]',
        '\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...',
      ],
      1,
    ],
    ['curl is not part of busybox', 'curl http://web', ['sh: curl: not found'], 127],
  ]
  it.each(cases)('%s', (_title, script, output, exit) => {
    const tools = new Set(['sh', 'echo', 'sleep', 'cat', 'touch', 'rm', 'tail', 'wget'])
    const p = compileShell(script) as ShellProgram
    expect(runShell(p, newShellState(), { ...ctx(), tools })).toMatchObject({ output, exit })
  })

  it('sh FILE runs an existing script; its errors name the file and the line', () => {
    const files = { '/work/run.sh': 'echo start\nnosuch\nexit 4\n' }
    const tools = new Set(['sh', 'echo'])
    expect(runShell(compileShell('sh /work/run.sh') as ShellProgram, newShellState(), { ...ctx(files), tools })).toMatchObject({
      output: ['start', 'sh: /work/run.sh: line 2: nosuch: not found'],
      exit: 4,
    })
  })

  it('a child shell that sleeps keeps its place; the parent continues after it, with its output redirected', () => {
    const files: Record<string, string> = {}
    const tools = new Set(['sh', 'echo', 'sleep'])
    const p = compileShell("sh -c 'echo one; sleep 5; echo two' > /log; echo done") as ShellProgram
    const first = runShell(p, newShellState(), { ...ctx(files), tools })
    expect(first).toMatchObject({ output: [], sleepUntil: 5000 })
    expect(files['/log']).toBe('one\n')
    const second = runShell(p, structuredClone(first.state), { ...ctx(files), tools, now: 5000 })
    expect(second).toMatchObject({ output: ['done'], exit: 0 })
    expect(files['/log']).toBe('one\ntwo\n')
  })
})
