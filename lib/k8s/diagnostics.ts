/** Turning field issues into the public Diagnostic shape, and kubectl's way of printing them. */
import { DECODE_MESSAGE_PREFIXES, type FieldIssue } from './field-errors.ts'
import type { SourceMap } from './source-map.ts'
import type { Diagnostic, Localized } from './types.ts'

export interface DocumentContext {
  file?: string
  document: number
  kind: string | null
  name: string | null
  source: SourceMap
}

/**
 * Hints may say where something is written with `{{at:field.path}}`; it becomes ` (line 12)` / ` (12번째 줄)`,
 * or nothing when the object did not come from text.
 */
function placeLines(hint: Localized, source: SourceMap): Localized {
  if (!hint.en.includes('{{at:') && !hint.ko.includes('{{at:')) return hint
  const sub = (text: string, render: (line: number) => string) =>
    text.replace(/\{\{at:([^}]+)\}\}/g, (_m, field: string) => {
      const { line } = source.positionOf(field)
      return line > 0 ? render(line) : ''
    })
  return { ko: sub(hint.ko, (n) => ` (${n}번째 줄)`), en: sub(hint.en, (n) => ` (line ${n})`) }
}

export function toDiagnostic(issue: FieldIssue, ctx: DocumentContext): Diagnostic {
  const pos = ctx.source.positionOf((issue.at ?? issue.path).segments())
  const d: Diagnostic = {
    document: ctx.document,
    kind: ctx.kind,
    name: ctx.name,
    field: issue.field,
    type: issue.type,
    line: pos.line,
    column: pos.column,
    message: issue.message,
    hint: placeLines(issue.hint, ctx.source),
  }
  return ctx.file === undefined ? d : { file: ctx.file, ...d }
}

/** Kubernetes removes duplicate causes (same field, type and text) while keeping their order. */
export function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>()
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.type}\u0000${i.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function isDecodeMessage(message: string): boolean {
  return DECODE_MESSAGE_PREFIXES.some((p) => message.startsWith(p))
}

function cause(d: Diagnostic): string {
  return d.field === '' ? d.message : `${d.field}: ${d.message}`
}

/**
 * kubectl-style text for diagnostics of one object, e.g.
 * `The Deployment "web" is invalid: spec.selector: Invalid value: …: field is immutable`.
 * Several validation causes print as kubectl does: one `* cause` line each.
 */
export function formatKubectlError(errors: Diagnostic[]): string {
  if (errors.length === 0) return ''
  const lines: string[] = []
  const invalid: Diagnostic[] = []
  for (const d of errors) {
    if (d.type === 'YAMLSyntax') lines.push(`error: error parsing YAML: error converting YAML to JSON: ${d.message}`)
    else if (d.type === 'NoKindMatch') {
      // kubectl adds "ensure CRDs are installed first", which would mislead here: Kubelab has no CRDs
      lines.push(`error: resource mapping not found for name: ${JSON.stringify(d.name ?? '')} namespace: "": ${d.message}`)
    } else if (d.field === '' && !isDecodeMessage(d.message)) lines.push(`error: ${d.message}`)
    else if (d.field === 'apiVersion' || d.field === 'kind') {
      if (d.type === 'FieldValueRequired') lines.push(`error: error validating data: ${d.message.replace(/^Required value: /, '')}`)
      else invalid.push(d)
    } else if (isDecodeMessage(d.message)) {
      const kind = d.kind ?? 'Object'
      lines.push(`Error from server (BadRequest): ${kind} in version "v1" cannot be handled as a ${kind}: ${d.message}`)
    } else invalid.push(d)
  }
  if (invalid.length > 0) {
    const head = `The ${invalid[0].kind ?? 'object'} ${JSON.stringify(invalid[0].name ?? '')} is invalid:`
    const causes = [...new Set(invalid.map(cause))]
    lines.push(causes.length === 1 ? `${head} ${causes[0]}` : `${head} \n${causes.map((c) => `* ${c}`).join('\n')}`)
  }
  return lines.join('\n')
}
