/**
 * The one place lib/sim imports the object model from lib/k8s, so the boundary is visible and easy to audit.
 */
import type { Container } from '../k8s/types.ts'

/** A lifecycle hook's handler (`lifecycle.preStop` / `postStart`): exec, httpGet, tcpSocket or sleep. */
export type LifecycleHandler = NonNullable<NonNullable<Container['lifecycle']>['preStop']>

export type {
  Pod,
  PodSpec,
  PodStatus,
  PodCondition,
  PodTemplateSpec,
  Container,
  ContainerPort,
  ContainerStatus,
  ContainerState,
  Probe,
  Service,
  ServicePort,
  Namespace,
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

export {
  validateManifests,
  validateObject,
  applyDefaults,
  validateUpdate,
  formatKubectlError,
  labelSelectorMatches,
  parseQuantity,
  resolveIntOrPercent,
  KIND_API_VERSIONS,
} from '../k8s/index.ts'
