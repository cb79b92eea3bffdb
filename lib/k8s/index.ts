/**
 * lib/k8s — the Kubernetes object model: parse with positions, strict schema, API-server defaults and
 * validation rules, returning diagnostics with Kubernetes' wording and Korean/English hints. Pure: no I/O.
 */
export type * from './types.ts'
export { validateManifests, validateObject, requestTooLarge, type ValidateOptions } from './validate.ts'
export { MAX_REQUEST_BYTES, MAX_DOCUMENTS } from './input-limits.ts'
export { applyDefaults, pullPolicyForImage } from './defaults.ts'
export { validateUpdate, type UpdateOptions } from './update.ts'
export { validateServiceAllocation, DEFAULT_SERVICE_CIDR, type AllocatedAddresses } from './allocation.ts'
export { formatKubectlError } from './diagnostics.ts'
export { parseQuantity, parseQuantityStrict, resourceAmount } from './quantity.ts'
export { isEmptyLabelSelector, labelSelectorMatches, labelSetMatches, serviceSelectorMatches } from './label-selector.ts'
export { deepEqual } from './object-access.ts'
export { resolveIntOrPercent } from './int-or-percent.ts'
export { KIND_API_VERSIONS, SUPPORTED_KINDS, UNSIMULATED_KIND_API_VERSIONS, isSupportedKind, isUnsimulatedKind } from './kinds.ts'
export { decodeManifestBytes, type DecodedManifest } from './text-decoding.ts'
export { kubernetesSchema, type KubernetesSchema } from './kubernetes-schema.ts'
