/**
 * ClusterView is what a controller's sync and watch handlers read: the store's maps without their writers, and each
 * stored object without assignable top-level fields. The proof is the type checker (`npm run typecheck` compiles
 * this file): each `@ts-expect-error` below fails the check if the line it marks ever compiles.
 */
import { describe, expect, it } from 'vitest'
import type { ClusterView } from './state.ts'
import { testState, pod, create } from '../testing/cluster.ts'

function controllerLikeRead(view: ClusterView): number {
  // reading is what a controller does: every stored kind is a typed map
  const web = view.objects.Pod.get('default/web')
  return web?.spec?.containers.length ?? 0
}

function writesAController(view: ClusterView): void {
  // @ts-expect-error a controller cannot put into the store's maps: writes go through the store (changes → apply)
  view.objects.Pod.set('default/x', pod('x'))
  // @ts-expect-error nor remove from them
  view.objects.Pod.delete('default/web')
  const web = view.objects.Pod.get('default/web')!
  // @ts-expect-error nor replace a stored object's parts
  web.spec = undefined
  // @ts-expect-error nor swap a kind's map
  view.objects.Pod = new Map()
}

describe('ClusterView', () => {
  it('is the state itself, read through types that have no writers', () => {
    const state = testState()
    create(state, pod('web'))
    expect(controllerLikeRead(state)).toBe(1)
    // the writing function is compiled (its errors are the test) but never run
    expect(typeof writesAController).toBe('function')
  })
})
