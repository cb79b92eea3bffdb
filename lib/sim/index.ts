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
export { createCluster, wrapState, type Cluster, type RunResult } from './cluster.ts'
export type { ClusterOptions } from './bootstrap.ts'
export type { ApplyResult } from './apply.ts'
export type { RunNotice } from './kubectl/result.ts'
export { HOME as HOME_DIRECTORY, MAX_FILE_BYTES, MAX_FILES, type FileResult, type FileErrorCode } from './files.ts'
export { parseScenario, runScenario, type Scenario, type ScenarioStep, type ScenarioError, type SimulationResult, type StepResult } from './scenario.ts'
export { snapshot, type State, type PodState, type ContainerState } from './snapshot.ts'
export type { TimelinePoint } from './timeline.ts'
export type { EventRecord } from './events.ts'
export type { ClusterState } from './state.ts'
export { completeCommand, completeCommand as completeResourceNames } from './completion.ts'
export { catalogue as imageCatalogue } from './kubelet/images.ts'
export { TIMINGS as KUBELET_TIMINGS } from './kubelet/sync.ts'
export { parseDuration } from './clock.ts'
export { commandIncomplete, joinCommandLines } from './kubectl/shell-input.ts'
export { DEFAULT_LIMITS, UNLIMITED, MAX_TOTAL_RPS, formatDuration, limitPhrase, manifestDemand, refuseDemand, resolveLimits, type SimLimits, type LimitName, type OverBudget } from './budget.ts'
