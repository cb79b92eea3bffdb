/** cat, ls, head and wc at the prompt, with GNU coreutils' output and messages. */
import { describe, expect, it } from 'vitest'
import { createCluster, type Cluster } from '../cluster.ts'
import { completeCommand } from '../completion.ts'

const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: app\n    image: kubelab/hello:1.0\n'

function home(): Cluster {
  const c = createCluster({ seed: 1 })
  c.writeFile('exercise.yaml', manifest)
  c.writeFile('notes.txt', '안녕하세요\nhello world\n')
  return c
}

describe('file programs', () => {
  it('cat prints files (numbered with -n) and names the ones it cannot read', () => {
    const c = home()
    expect(c.run('cat exercise.yaml')).toEqual({ ok: true, output: manifest })
    expect(c.run('cat ~/notes.txt ./exercise.yaml').output).toBe(`안녕하세요\nhello world\n${manifest}`)
    expect(c.run('cat -n notes.txt').output).toBe('     1\t안녕하세요\n     2\thello world\n')
    expect(c.run('cat web.yaml notes.txt')).toEqual({
      ok: false,
      output: '안녕하세요\nhello world\ncat: web.yaml: No such file or directory\n',
      exitCode: 1,
    })
    expect(c.run('cat .').output).toBe('cat: .: Is a directory\n')
    expect(c.run('cat').notice).toBe('stdinNotSupported')
  })

  it('ls lists the home directory; -l shows sizes in bytes and virtual times; a missing name is exit status 2', () => {
    const c = home()
    expect(c.run('ls')).toEqual({ ok: true, output: 'exercise.yaml  notes.txt\n' })
    expect(c.run('ls ~').output).toBe('exercise.yaml  notes.txt\n')
    expect(c.run('ls -l').output).toBe(
      'total 8\n-rw-r--r-- 1 learner learner 112 Jan  1 09:00 exercise.yaml\n-rw-r--r-- 1 learner learner  28 Jan  1 09:00 notes.txt\n',
    )
    c.advance(90)
    c.writeFile('notes.txt', 'x\n')
    expect(c.run('ls -l notes.txt').output).toBe('-rw-r--r-- 1 learner learner 2 Jan  1 09:01 notes.txt\n')
    expect(c.run('ls -la').output.split('\n').slice(0, 3)).toEqual([
      'total 16',
      'drwxr-xr-x 2 learner learner 4096 Jan  1 09:00 .',
      'drwxr-xr-x 2 learner learner 4096 Jan  1 09:00 ..',
    ])
    expect(c.run('ls web.yaml')).toEqual({ ok: false, output: "ls: cannot access 'web.yaml': No such file or directory\n", exitCode: 2 })
    expect(c.run('ls -z').output).toBe("ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n")
    expect(createCluster().run('ls')).toEqual({ ok: true, output: '' })
  })

  it('head prints the first 10 lines, or -n N / -N, with a header per file when there are several', () => {
    const c = home()
    c.writeFile('long.txt', Array.from({ length: 15 }, (_, i) => `line ${i + 1}\n`).join(''))
    expect(c.run('head long.txt').output.split('\n')).toHaveLength(11)
    expect(c.run('head -n 2 long.txt').output).toBe('line 1\nline 2\n')
    expect(c.run('head -3 long.txt').output).toBe('line 1\nline 2\nline 3\n')
    expect(c.run('head -n1 notes.txt exercise.yaml').output).toBe(
      '==> notes.txt <==\n안녕하세요\n\n==> exercise.yaml <==\napiVersion: v1\n',
    )
    expect(c.run('head -n x long.txt').output).toBe("head: invalid number of lines: 'x'\n")
    expect(c.run('head nope').output).toBe("head: cannot open 'nope' for reading: No such file or directory\n")
  })

  it('wc counts lines, words and bytes, unpadded for one count of one file as coreutils does', () => {
    const c = home()
    expect(c.run('wc -l exercise.yaml').output).toBe('8 exercise.yaml\n')
    expect(c.run('wc exercise.yaml').output).toBe('  8  14 112 exercise.yaml\n')
    // 안녕하세요 is 5 characters and 15 bytes
    expect(c.run('wc -m notes.txt').output).toBe('18 notes.txt\n')
    expect(c.run('wc -c notes.txt').output).toBe('28 notes.txt\n')
    expect(c.run('wc -l exercise.yaml notes.txt').output).toBe('  8 exercise.yaml\n  2 notes.txt\n 10 total\n')
    expect(c.run('wc -l nope')).toEqual({ ok: false, output: 'wc: nope: No such file or directory\n', exitCode: 1 })
  })
})

describe('completion of file names', () => {
  it('completes files after -f, --filename=, -f= and after the file programs; offers -f after apply and diff', () => {
    const c = home()
    expect(completeCommand(c, 'kubectl apply -f ex')).toEqual(['exercise.yaml'])
    expect(completeCommand(c, 'kubectl delete -f ')).toEqual(['exercise.yaml', 'notes.txt'])
    expect(completeCommand(c, 'kubectl apply --filename=e')).toEqual(['--filename=exercise.yaml'])
    expect(completeCommand(c, 'kubectl diff -f=')).toEqual(['-f=exercise.yaml', '-f=notes.txt'])
    expect(completeCommand(c, 'cat n')).toEqual(['notes.txt'])
    expect(completeCommand(c, 'wc -l e')).toEqual(['exercise.yaml'])
    expect(completeCommand(c, 'kubectl apply ')).toEqual(['-f'])
    expect(completeCommand(c, 'kubectl diff ')).toEqual(['-f'])
    expect(completeCommand(c, 'kubectl create ')).toEqual(['-f', 'deployment', 'namespace'])
    expect(completeCommand(c, 'kubectl di')).toEqual(['diff'])
    expect(completeCommand(c, 'ca')).toEqual(['cat'])
  })
})
