import { describe, expect, it } from 'vitest'
import { createCluster } from '@/lib/sim/index'
import { MAX_ELAPSED_WAIT_SECONDS, withElapsedWait } from './elapsed-waits'

describe('withElapsedWait', () => {
  it('puts the virtual seconds that passed before a command in front of it, as a wait the grader replays', () => {
    expect(withElapsedWait([], 'kubectl get pods', 0)).toEqual(['kubectl get pods'])
    expect(withElapsedWait([], 'kubectl get pods', 0.9)).toEqual(['kubectl get pods'])
    expect(withElapsedWait(['node fail node-2'], 'kubectl get pods -o wide', 312.4)).toEqual([
      'node fail node-2',
      'wait 312s',
      'kubectl get pods -o wide',
    ])
  })

  it('waits at most ten minutes at a time, so an idle tab stays within the grading budget', () => {
    expect(withElapsedWait([], 'kubectl get pods', 7200)).toEqual([`wait ${MAX_ELAPSED_WAIT_SECONDS}s`, 'kubectl get pods'])
  })

  it('replays what the learner saw: a Pod that became Ready while the learner read is Ready in the replay too', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: nginx\n      image: nginx:1.27\n'
    const browser = createCluster({ seed: 7, nodes: 3 })
    browser.apply(manifest)
    browser.advance(40) // the live terminal's clock while the learner reads
    const seen = browser.run('kubectl get pod web').output
    expect(seen).toMatch(/web\s+1\/1\s+Running/)
    const replay = createCluster({ seed: 7, nodes: 3 })
    replay.apply(manifest)
    let output = ''
    for (const command of withElapsedWait([], 'kubectl get pod web', 40)) output = replay.run(command).output
    expect(output).toBe(seen)
  })
})
