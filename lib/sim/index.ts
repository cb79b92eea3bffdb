/**
 * lib/sim — a deterministic Kubernetes cluster in TypeScript (pure: runs in Node and in a Web Worker).
 *
 *   const cluster = createCluster({ seed: 7, nodes: 3 })
 *   cluster.apply(yaml)                  // kubectl apply -f semantics → { ok, output, errors }
 *   cluster.run('kubectl get pods')      // kubectl subset + simulation verbs → { ok, output }
 *   cluster.advance(30)                  // virtual seconds
 *   cluster.writeFile('exercise.yaml', yaml)   // the learner's home directory: kubectl apply -f exercise.yaml
 *   cluster.snapshot()                   // the State JSON of `simulate --json`
 *   runScenario(parseScenario(text).scenario!)   // exactly the `simulate --json` object
 */
export { createCluster, type Cluster, type RunResult } from './cluster.ts'
export type { ApplyResult } from './apply.ts'
export type { FileResult } from './files.ts'
export { parseScenario, runScenario, type SimulationResult } from './scenario.ts'
export type { State, PodState } from './snapshot.ts'
export type { EventRecord, OverBudget, SimLimits, TimelinePoint } from './model.ts'
export { completeCommand } from './completion.ts'
export { parseDuration } from './clock.ts'
export { joinCommandLines } from './kubectl/shell-input.ts'
export { DEFAULT_LIMITS, UNLIMITED, manifestDemand, refuseDemand, resolveLimits } from './budget.ts'
