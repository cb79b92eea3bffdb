/**
 * Every controller of the simulated cluster, in the order the engine drains their work queues within one
 * instant (earlier controllers react before later ones run again). Adding a controller is its module — a
 * `Controller` (watch.ts) with its reconcile function and what it watches — plus one entry here and its name in
 * model.ts's `ControllerName`.
 */
import type { Controller } from '../watch.ts'
import type { ControllerName } from '../model.ts'
import { availabilityController } from '../informers.ts'
import { garbageCollectorController, namespaceController } from './garbage-collector.ts'
import { nodeLifecycleController } from '../node-lifecycle.ts'
import { deploymentController } from './deployment/sync.ts'
import { replicaSetController } from './replicaset.ts'
import { schedulerController } from '../scheduler.ts'
import { kubeletController } from '../kubelet/sync.ts'
import { endpointPodsController, endpointsController } from '../endpoint-slices.ts'

// A function, not a constant: the controllers' modules import the store, which imports this list through the
// informers, so the list is built on first use, once every module is loaded.
function list() {
  return [
    availabilityController,
    namespaceController,
    nodeLifecycleController,
    garbageCollectorController,
    deploymentController,
    replicaSetController,
    schedulerController,
    kubeletController,
    endpointsController,
    endpointPodsController,
  ] as const
}

// The list names each controller of model.ts's ControllerName once (a compile error here: one is missing or extra).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const listMatchesNames: Same<ReturnType<typeof list>[number]['name'], ControllerName> = true
void listMatchesNames

let controllers: readonly Controller<ControllerName>[] | undefined

/** The controllers in queue-draining order. */
export function allControllers(): readonly Controller<ControllerName>[] {
  return (controllers ??= list())
}

export function emptyQueues(): Record<ControllerName, Set<string>> {
  const q = {} as Record<ControllerName, Set<string>>
  for (const c of allControllers()) q[c.name] = new Set()
  return q
}
