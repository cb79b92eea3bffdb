/**
 * The generated JSON Schema (lib/k8s/schema/kubernetes.schema.json, `npm run schema:generate`). Plain JSON, so
 * the editor can hand it to monaco-yaml for completions and hover docs, and the validator compiles it below.
 */
import schemaJson from './schema/kubernetes.schema.json' with { type: 'json' }

export interface JsonSchemaNode {
  $ref?: string
  type?: string | string[]
  format?: string
  properties?: Record<string, JsonSchemaNode>
  additionalProperties?: boolean | JsonSchemaNode
  items?: JsonSchemaNode
  enum?: unknown[]
  const?: unknown
  required?: string[]
  description?: string
  'x-kubernetes-format'?: string
  'x-kubernetes-int-or-string'?: boolean
}

export interface KubernetesSchema extends JsonSchemaNode {
  definitions: Record<string, JsonSchemaNode>
  'x-kubelab-kinds': Record<string, { apiVersion: string; definition: string }>
}

export const kubernetesSchema = schemaJson as unknown as KubernetesSchema
