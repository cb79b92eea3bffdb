/** Small builders for tests: YAML literals with predictable line numbers, and result shorthands. */
import { validateManifests } from '../k8s/index.ts'
import type { Diagnostic } from '../k8s/types.ts'

/** Removes the common indentation of a template literal, so YAML can be written indented in test tables. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '')
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '\n')
    .split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length))
  return lines.map((l) => l.slice(indent)).join('\n')
}

export type Brief = Pick<Diagnostic, 'field' | 'type' | 'line' | 'message'>

export function errorsOf(text: string): Brief[] {
  return validateManifests(text).errors.map(({ field, type, line, message }) => ({ field, type, line, message }))
}

/** A Deployment whose pod template spec is `podSpec` (indented to sit under `spec:` at line 12). */
export function deploymentWith(podSpec: string, extraSpec = '', name = 'web'): string {
  const indent = (s: string, n: number) =>
    s
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => ' '.repeat(n) + l)
      .join('\n')
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    indent(podSpec, 6),
    ...(extraSpec ? [indent(extraSpec, 2)] : []),
    '',
  ].join('\n')
}

export function podWith(podSpec: string, name = 'p'): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    ...podSpec
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => `  ${l}`),
    '',
  ].join('\n')
}

export function serviceWith(spec: string, name = 'web'): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    ...spec
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => `  ${l}`),
    '',
  ].join('\n')
}
