/** Unknown commands as cobra (spf13/cobra command.go SuggestionsFor, distance 2 or a prefix) and kubectl word them. */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../cluster.ts'
import { levenshtein, suggestionsFor } from './unknown-command.ts'

describe('unknown commands', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['GET', 'get', 0],
    ['gte', 'get', 2],
    ['', 'abc', 3],
  ])('levenshtein(%s, %s) = %i', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d)
  })

  it.each([
    ['gte', ['get']],
    ['delet', ['delete']],
    ['roll', ['rollout']],
    ['ap', ['api-resources', 'apply']],
    ['lable', ['label']],
    ['edit', []],
    ['frobnicate', []],
  ])('%s suggests %j', (typed, expected) => {
    expect(suggestionsFor(typed, ['get', 'delete', 'rollout', 'apply', 'api-resources', 'exec', 'set', 'patch', 'label'])).toEqual(expected)
  })

  it('prints the suggestions between the error and the usage line', () => {
    const c = createCluster({ seed: 1 })
    expect(c.run('kubectl gte pods')).toEqual({
      ok: false,
      output: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.\n',
    })
    expect(c.run('kubectl port-forward svc/web 8080:80')).toEqual({
      ok: false,
      output: 'error: unknown command "port-forward" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    })
  })

  it("an unknown subcommand of set or rollout is kubectl's usage error for the group", () => {
    const c = createCluster({ seed: 1 })
    expect(c.run('kubectl set foo deploy/web').output).toBe(
      'error: unknown command "foo deploy/web"\nSee \'kubectl set -h\' for help and examples\n',
    )
    expect(c.run('kubectl rollout restat deploy/web').output).toBe(
      'error: unknown command "restat deploy/web"\nSee \'kubectl rollout -h\' for help and examples\n',
    )
  })
})
