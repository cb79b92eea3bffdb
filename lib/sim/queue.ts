/** Work queues (deduplicating, insertion-ordered) and timers that wake a controller for a key later. */
import { heapPush } from './heap.ts'
import type { ClusterState, ClusterView } from './state.ts'
import type { ControllerName } from './model.ts'

export function enqueue(state: ClusterState, controller: ControllerName, key: string): void {
  state.queues[controller].add(key)
}

/** Wakes `controller` for `key` at virtual time `at` (ms). Spurious wake-ups are harmless by design. */
export function wakeAt(state: ClusterView, at: number, controller: ControllerName, key: string): void {
  heapPush(state.timers, { at: Math.max(at, state.now), seq: state.seq++, controller, key })
}
