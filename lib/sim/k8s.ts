/**
 * The one place lib/sim imports the object model from lib/k8s, so the boundary is visible and easy to audit.
 */
import type { Container } from '../k8s/types.ts'

/** A lifecycle hook's handler (`lifecycle.preStop` / `postStart`): exec, httpGet, tcpSocket or sleep. */
export type LifecycleHandler = NonNullable<NonNullable<Container['lifecycle']>['preStop']>

export type {
  Pod,
  PodSpec,
  PodCondition,
  PodTemplateSpec,
  Container,
  ContainerStatus,
  Probe,
  Service,
  Namespace,
  ConfigMap,
  Deployment,
  DeploymentCondition,
  ReplicaSet,
  ObjectMeta,
  OwnerReference,
  LabelSelector,
  Toleration,
  KubeObject,
  Diagnostic,
  IntOrString,
} from '../k8s/types.ts'

import type { PodSpec } from '../k8s/types.ts'
/** The scheduling parts of a pod spec the scheduler reads (kubernetes-models' types, named here once). */
export type Affinity = NonNullable<PodSpec['affinity']>
export type NodeSelectorTerm = NonNullable<
  NonNullable<Affinity['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']
>['nodeSelectorTerms'][number]
export type NodeSelectorRequirement = NonNullable<NodeSelectorTerm['matchExpressions']>[number]
export type PodAffinityTerm = NonNullable<NonNullable<Affinity['podAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']>[number]
export type TopologySpreadConstraint = NonNullable<PodSpec['topologySpreadConstraints']>[number]

export {
  validateManifests,
  validateObject,
  applyDefaults,
  validateUpdate,
  formatKubectlError,
  labelSelectorMatches,
  labelSetMatches,
  serviceSelectorMatches,
  isEmptyLabelSelector,
  deepEqual,
  resourceAmount,
  resolveIntOrPercent,
  KIND_API_VERSIONS,
} from '../k8s/index.ts'
export { utf8Length } from '../k8s/input-limits.ts'
