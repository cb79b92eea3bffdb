import { describe, expect, it } from 'vitest'
import { createCluster, wrapState } from './cluster.ts'
import { MAX_FILE_BYTES, MAX_FILES, resolvePath } from './files.ts'
import { utf8Length } from './k8s.ts'

describe('the home directory beside the cluster', () => {
  it('names one file by exercise.yaml, ./exercise.yaml, ~/exercise.yaml, $HOME/… and /home/learner/…', () => {
    const c = createCluster()
    expect(c.writeFile('exercise.yaml', 'a: 1\n')).toEqual({ ok: true })
    for (const path of [
      'exercise.yaml',
      './exercise.yaml',
      '~/exercise.yaml',
      '$HOME/exercise.yaml',
      '/home/learner/exercise.yaml',
      './/exercise.yaml',
    ]) {
      expect(c.readFile(path)).toBe('a: 1\n')
    }
    c.writeFile('/home/learner/exercise.yaml', 'b: 2\n')
    expect(c.listFiles()).toEqual(['exercise.yaml'])
    expect(c.readFile('exercise.yaml')).toBe('b: 2\n')
    expect(c.removeFile('~/exercise.yaml')).toBe(true)
    expect(c.removeFile('exercise.yaml')).toBe(false)
    expect(c.listFiles()).toEqual([])
  })

  it('tells the home directory, a file in it and a path elsewhere apart', () => {
    expect(resolvePath('~')).toEqual({ home: true })
    expect(resolvePath('.')).toEqual({ home: true })
    expect(resolvePath('/home/learner/')).toEqual({ home: true })
    expect(resolvePath('/etc/passwd')).toEqual({ outside: '/etc/passwd' })
    expect(resolvePath('../learner/x.yaml')).toEqual({ outside: '../learner/x.yaml' })
    expect(resolvePath('manifests/web.yaml')).toEqual({ outside: 'manifests/web.yaml' })
  })

  it('refuses a file over 256 KiB, a 21st file and a name that is not a file of the home directory, with a clear error', () => {
    const c = createCluster()
    const big = c.writeFile('big.yaml', 'x'.repeat(MAX_FILE_BYTES + 1))
    expect(big).toEqual({ ok: false, code: 'tooLarge', error: 'big.yaml is 257 KiB; a file holds at most 256 KiB' })
    // the limit counts UTF-8 bytes: 90,000 Hangul syllables are 270,000 bytes
    expect(c.writeFile('ko.yaml', '가'.repeat(90_000))).toMatchObject({ ok: false, code: 'tooLarge' })
    expect(c.writeFile('exact.yaml', 'x'.repeat(MAX_FILE_BYTES))).toEqual({ ok: true })
    for (let i = 1; i < MAX_FILES; i++) expect(c.writeFile(`f${i}.yaml`, '')).toEqual({ ok: true })
    expect(c.writeFile('one-more.yaml', '')).toEqual({ ok: false, code: 'tooMany', error: 'the home directory holds at most 20 files' })
    expect(c.writeFile('f1.yaml', 'rewritten')).toEqual({ ok: true }) // replacing a file is not a new one
    expect(c.writeFile('dir/x.yaml', '')).toMatchObject({ ok: false, code: 'badName' })
    expect(c.writeFile('~', '')).toMatchObject({ ok: false, code: 'badName' })
    expect(c.writeFile('bad\nname', '')).toMatchObject({ ok: false, code: 'badName' })
    expect(c.listFiles()).toHaveLength(MAX_FILES)
  })

  it('counts UTF-8 bytes like the file system would', () => {
    expect(utf8Length('abc')).toBe(3)
    expect(utf8Length('é')).toBe(2)
    expect(utf8Length('가')).toBe(3)
    expect(utf8Length('🙂')).toBe(4)
  })

  it('is not part of the cluster: no snapshot shows it, and a cloned state keeps it', () => {
    const c = createCluster({ seed: 3 })
    const before = JSON.stringify(c.snapshot())
    c.writeFile('exercise.yaml', 'apiVersion: v1\n')
    expect(JSON.stringify(c.snapshot())).toBe(before)
    const copy = wrapState(structuredClone(c.state))
    expect(copy.readFile('exercise.yaml')).toBe('apiVersion: v1\n')
  })
})
