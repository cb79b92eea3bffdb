/**
 * Types of the Kubernetes objects Kubelab understands. They are the interfaces `kubernetes-models` generates
 * from the Kubernetes OpenAPI document (the same source as lib/k8s/schema), imported as types only, so no
 * runtime code of that package reaches the client or the simulator.
 */
import type { IPod } from 'kubernetes-models/v1/Pod'
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec'
import type { IPodCondition } from 'kubernetes-models/v1/PodCondition'
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec'
import type { IContainer } from 'kubernetes-models/v1/Container'
import type { IContainerStatus } from 'kubernetes-models/v1/ContainerStatus'
import type { IProbe } from 'kubernetes-models/v1/Probe'
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements'
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount'
import type { IToleration } from 'kubernetes-models/v1/Toleration'
import type { IService } from 'kubernetes-models/v1/Service'
import type { IServiceSpec } from 'kubernetes-models/v1/ServiceSpec'
import type { IServiceStatus } from 'kubernetes-models/v1/ServiceStatus'
import type { INamespace } from 'kubernetes-models/v1/Namespace'
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment'
import type { IDeploymentSpec } from 'kubernetes-models/apps/v1/DeploymentSpec'
import type { IDeploymentStatus } from 'kubernetes-models/apps/v1/DeploymentStatus'
import type { IDeploymentStrategy } from 'kubernetes-models/apps/v1/DeploymentStrategy'
import type { IDeploymentCondition } from 'kubernetes-models/apps/v1/DeploymentCondition'
import type { IRollingUpdateDeployment } from 'kubernetes-models/apps/v1/RollingUpdateDeployment'
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet'
import type { IReplicaSetSpec } from 'kubernetes-models/apps/v1/ReplicaSetSpec'
import type { IReplicaSetStatus } from 'kubernetes-models/apps/v1/ReplicaSetStatus'
import type { IJob } from 'kubernetes-models/batch/v1/Job'
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress'
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget'
import type { ISecret } from 'kubernetes-models/v1/Secret'
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap'
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount'
import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta'
import type { IOwnerReference } from '@kubernetes-models/apimachinery/apis/meta/v1/OwnerReference'
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector'
import type { ILabelSelectorRequirement } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelectorRequirement'

export type Pod = IPod
export type PodSpec = IPodSpec
export type PodCondition = IPodCondition
export type PodTemplateSpec = IPodTemplateSpec
export type Container = IContainer
export type ContainerStatus = IContainerStatus
export type Probe = IProbe
export type ResourceRequirements = IResourceRequirements
export type VolumeMount = IVolumeMount
export type Toleration = IToleration
export type Service = IService
export type ServiceSpec = IServiceSpec
export type ServiceStatus = IServiceStatus
export type Namespace = INamespace
export type Deployment = IDeployment
export type DeploymentSpec = IDeploymentSpec
export type DeploymentStatus = IDeploymentStatus
export type DeploymentStrategy = IDeploymentStrategy
export type DeploymentCondition = IDeploymentCondition
export type RollingUpdateDeployment = IRollingUpdateDeployment
export type ReplicaSet = IReplicaSet
export type ReplicaSetSpec = IReplicaSetSpec
export type ReplicaSetStatus = IReplicaSetStatus
export type ObjectMeta = IObjectMeta
export type OwnerReference = IOwnerReference
export type LabelSelector = ILabelSelector
export type LabelSelectorRequirement = ILabelSelectorRequirement
/** An int-or-string field such as maxSurge (`1` or `"25%"`) or a named targetPort (`"http"`). */
export type IntOrString = number | string

export type KubeObject = Pod | Deployment | ReplicaSet | Service | Namespace | ConfigMap
export type SupportedKind = KubeObject['kind']

/**
 * Kinds `validateManifests(text, { kinds: 'all' })` also checks (schema, defaults, the API server's cheap rules) but
 * the simulator does not run: what deploy/kubernetes uses besides the simulated kinds (`kubelab validate`).
 */
export type Job = IJob
export type Ingress = IIngress
export type PodDisruptionBudget = IPodDisruptionBudget
export type Secret = ISecret
export type ConfigMap = IConfigMap
export type ServiceAccount = IServiceAccount
export type UnsimulatedObject = Job | Ingress | PodDisruptionBudget | Secret | ServiceAccount
export type UnsimulatedKind = UnsimulatedObject['kind']

export type ErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'FieldValueTypeInvalid'
  | 'YAMLSyntax'
  | 'NoKindMatch'
  /** a warning, never an error: a valid field the simulator accepts but does not act on (rules/unsimulated-fields.ts) */
  | 'NotSimulated'

export interface Localized {
  ko: string
  en: string
}

/** One problem, exactly the JSON shape of `kubelab validate --json` errors. line/column are 1-based
 *  (0 when the object did not come from text). */
export interface Diagnostic {
  file?: string
  /** 0-based index of the YAML document in the stream (empty documents count). */
  document: number
  kind: string | null
  name: string | null
  /** Kubernetes path: spec.template.spec.containers[1].name, metadata.labels */
  field: string
  type: ErrorType
  line: number
  column: number
  /** Kubernetes' own wording, e.g. `Invalid value: "Web": a lowercase RFC 1123 …` */
  message: string
  /** learner-facing explanation + fix, Korean and English */
  hint: Localized
  /**
   * Set when the indentation of this diagnostic's line explains the document's errors (the others it caused are
   * not listed): the 1-based column where the line's text should start, and the path of the object it then belongs
   * to ('' for the top level). An editor can offer it as a quick fix.
   */
  indentation?: { column: number; parent: string }
}

export interface SourcePosition {
  line: number
  column: number
}

/** A document that passed validation, with API-server defaults applied. */
export interface ManifestObject {
  document: number
  apiVersion: string
  kind: SupportedKind
  name: string
  /** 'default' when absent (Namespace objects: '') */
  namespace: string
  /** plain JSON (structuredClone-able), defaults applied (§2 of kubernetes-behaviour.md) */
  object: KubeObject
  /** 1-based position of a field path in the source text, or of its nearest present parent. */
  positionOf(field: string): SourcePosition
  /** The document as written, before defaults (only with `validateManifests(text, { keepRaw: true })`). */
  raw?: Record<string, unknown>
}

/** A valid document of a kind that is validated but not simulated (`validateManifests(text, { kinds: 'all' })`). */
export interface UnsimulatedManifestObject {
  document: number
  apiVersion: string
  kind: UnsimulatedKind
  name: string
  namespace: string
  /** plain JSON, defaults applied */
  object: Record<string, unknown>
}

export interface ValidationResult {
  valid: boolean
  errors: Diagnostic[]
  objects: ManifestObject[]
  /** only with `kinds: 'all'`: the valid objects of kinds the simulator does not run */
  unsimulated?: UnsimulatedManifestObject[]
  /** only when there are any: valid fields the simulator does not act on, on their lines (the objects stay valid) */
  warnings?: Diagnostic[]
}
