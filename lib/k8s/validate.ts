/**
 * The validation pipeline, in the API server's order: decode (YAML → JSON, kind lookup, strict schema),
 * default, validate. All problems of a document are collected, never only the first.
 */
import { applyDefaultsInPlace } from './defaults.ts'
import { dedupe, toDiagnostic, type DocumentContext } from './diagnostics.ts'
import type { FieldIssue, IssueList } from './field-errors.ts'
import { limitHints, yamlSyntaxHint } from './hints/yaml-hints.ts'
import { INDENTATION_BUDGET, explainIndentation } from './indentation.ts'
import { MAX_DOCUMENTS, MAX_REQUEST_BYTES } from './input-limits.ts'
import { checkKind } from './kinds.ts'
import { isObject, objectAt, stringAt, type JsonObject } from './object-access.ts'
import { validateKindRules } from './rules/object-rules.ts'
import { unsimulatedFieldWarnings } from './rules/unsimulated-fields.ts'
import { checkSchema } from './schema-check.ts'
import { NO_SOURCE, type SourceMap } from './source-map.ts'
import type {
  Diagnostic,
  KubeObject,
  ManifestObject,
  SupportedKind,
  UnsimulatedKind,
  UnsimulatedManifestObject,
  ValidationResult,
} from './types.ts'
import { isUnsimulatedKind } from './kinds.ts'
import { parseYamlStream, type ParsedStream, type StreamDocument } from './yaml-stream.ts'

interface CheckedObject {
  issues: FieldIssue[]
  /** problems found but not kept (IssueList caps) */
  dropped?: number
  kind: string | null
  name: string | null
  /** set when the object is valid */
  valid: { kind: SupportedKind | UnsimulatedKind; apiVersion: string; object: JsonObject } | null
}

/** Errors listed per document; a learner fixes the first ones first, and thousands help nobody. */
export const MAX_SHOWN = 100

function moreErrors(hidden: number, ctx: DocumentContext): Diagnostic {
  const pos = ctx.source.positionOf([])
  return withFile(
    {
      document: ctx.document,
      kind: ctx.kind,
      name: ctx.name,
      field: '',
      type: 'FieldValueTooMany',
      line: pos.line,
      column: pos.column,
      message: `Too many errors: ${hidden} more not shown`,
      hint: {
        ko: `이 문서에는 오류가 ${hidden}개 더 있습니다. 위의 오류부터 고치세요 — 같은 실수가 반복된 경우가 많습니다.`,
        en: `This document has ${hidden} more errors. Fix the ones above first — they are often the same mistake repeated.`,
      },
    },
    ctx.file,
  )
}

export interface ValidateOptions {
  file?: string
  /** keep each object as written (`raw`), before defaults */
  keepRaw?: boolean
  /** look for one misindented line that explains a document's errors (indentation.ts); on unless false */
  indentation?: boolean
  /**
   * 'simulated' (default): the kinds the simulator runs; anything else is `no matches for kind`. 'all': also Job,
   * Ingress, PodDisruptionBudget, Secret, ConfigMap and ServiceAccount, returned in `unsimulated` (kubelab validate).
   */
  kinds?: 'simulated' | 'all'
}

/** Parse multi-document YAML with positions, check kinds, schema (strict), semantic rules, then default. */
export function validateManifests(input: string, options: ValidateOptions = {}): ValidationResult {
  const errors: Diagnostic[] = []
  const warnings: Diagnostic[] = []
  const objects: ManifestObject[] = []
  const unsimulated: UnsimulatedManifestObject[] = []
  const all = options.kinds === 'all'
  const text = typeof input === 'string' ? input : String(input)
  let stream: ParsedStream
  try {
    stream = parseYamlStream(text)
  } catch (error) {
    return internalFailure(error, options.file)
  }
  const budget = { parses: options.indentation === false ? 0 : INDENTATION_BUDGET }
  /** A document's errors, or the one misindented line that explains them and the errors independent of it. */
  const explained = (doc: StreamDocument, found: Diagnostic[], syntaxCodes: string[]): Diagnostic[] => {
    if (found.length === 0 || budget.parses <= 0) return found
    const next = stream.documents[doc.index + 1]
    const start = stream.lines.positionAt(doc.start)
    if (start.column !== 1) return found
    const revalidate = (t: string) => {
      // most trials fail to parse, and the parser's errors would each capture a stack trace nobody reads
      const limit = Error.stackTraceLimit
      Error.stackTraceLimit = 0
      try {
        return validateManifests(t, { indentation: false, kinds: options.kinds }).errors
      } finally {
        Error.stackTraceLimit = limit
      }
    }
    return (
      explainIndentation({
        text: text.slice(doc.start, next ? next.start : text.length),
        firstLine: start.line,
        errors: found,
        syntaxCodes,
        revalidate,
        budget,
      }) ?? found
    )
  }
  if (stream.limit) {
    errors.push(limitDiagnostic(stream, options.file))
    return { valid: false, errors, objects, ...(all ? { unsimulated } : {}) }
  }
  for (const doc of stream.documents) {
    const base = { file: options.file, document: doc.index, source: doc.source }
    if (doc.problems.length > 0) {
      const found = doc.problems.map((p) => {
        const pos = stream.lines.positionAt(p.offset)
        return withFile(
          {
            document: doc.index,
            kind: null,
            name: null,
            field: '',
            type: 'YAMLSyntax',
            line: pos.line,
            column: pos.column,
            message: p.message,
            hint: yamlSyntaxHint(p.code),
          },
          options.file,
        )
      })
      errors.push(
        ...explained(
          doc,
          found,
          doc.problems.map((p) => p.code),
        ),
      )
      continue
    }
    if (doc.empty) continue
    // kubectl apply keeps the manifest as written (last-applied-configuration): copy it before defaulting.
    const raw = options.keepRaw && isObject(doc.value) ? (cloneJson(doc.value) as Record<string, unknown>) : undefined
    let checked: CheckedObject
    try {
      checked = checkObject(doc.value, all)
    } catch (error) {
      // a throw here is our bug; the learner still gets a diagnostic instead of a crash
      errors.push(...internalFailure(error, options.file, doc.index).errors)
      continue
    }
    const ctx: DocumentContext = { ...base, kind: checked.kind, name: checked.name }
    const found = checked.issues.slice(0, MAX_SHOWN).map((issue) => toDiagnostic(issue, ctx))
    const hidden = Math.max(0, checked.issues.length - MAX_SHOWN) + (checked.dropped ?? 0)
    if (hidden > 0) errors.push(...found, moreErrors(hidden, ctx))
    else errors.push(...explained(doc, found, []))
    if (checked.valid && isUnsimulatedKind(checked.valid.kind))
      unsimulated.push(unsimulatedObject(doc.index, checked.valid as UnsimulatedValid))
    else if (checked.valid) {
      objects.push(manifestObject(doc.index, checked.valid as SimulatedValid, doc.source, raw))
      for (const w of unsimulatedFieldWarnings(checked.valid.kind as SupportedKind, checked.valid.object))
        warnings.push(toDiagnostic(w, ctx))
    }
  }
  return { valid: errors.length === 0, errors, objects, ...(all ? { unsimulated } : {}), ...(warnings.length > 0 ? { warnings } : {}) }
}

type SimulatedValid = { kind: SupportedKind; apiVersion: string; object: JsonObject }
type UnsimulatedValid = { kind: UnsimulatedKind; apiVersion: string; object: JsonObject }

function unsimulatedObject(document: number, valid: UnsimulatedValid): UnsimulatedManifestObject {
  const meta = objectAt(valid.object.metadata) ?? {}
  return {
    document,
    apiVersion: valid.apiVersion,
    kind: valid.kind,
    name: stringAt(meta.name) ?? '',
    namespace: stringAt(meta.namespace) ?? 'default',
    object: valid.object,
  }
}

/** Same checks for an object that did not come from text (kubectl create, scenario builders). line/column 0. */
export function validateObject(object: unknown): { errors: Diagnostic[]; object: KubeObject | null } {
  let checked: CheckedObject
  try {
    checked = checkObject(cloneJson(object))
  } catch (error) {
    return { errors: internalFailure(error).errors, object: null }
  }
  const ctx: DocumentContext = { document: 0, kind: checked.kind, name: checked.name, source: NO_SOURCE }
  const errors = checked.issues.map((i) => toDiagnostic(i, ctx))
  return { errors, object: checked.valid ? (checked.valid.object as unknown as KubeObject) : null }
}

function checkObject(value: unknown, all = false): CheckedObject {
  const meta = isObject(value) ? objectAt(value.metadata) : undefined
  const name = stringAt(meta?.name) ?? null
  const kindValue = isObject(value) ? (stringAt(value.kind) ?? null) : null
  const kindCheck = checkKind(value, { all })
  if (!kindCheck.ok) return { issues: kindCheck.issues, kind: kindValue, name, valid: null }
  const obj = value as JsonObject
  // Decoding: strict schema (unknown fields, JSON types, enums, quantities). Badly typed values are dropped
  // from `obj`, as a failed decode would leave them unset, so the rules below see well-typed data.
  const decodeIssues = checkSchema(kindCheck.kind, obj)
  const relocated = withMisplacedFieldsMoved(obj, decodeIssues)
  const ruleList = defaultAndValidate(kindCheck.kind, obj)
  let ruleIssues = decodeIssues.length === 0 ? ruleList : ruleList.filter((i) => !coveredByDecodeIssue(i, decodeIssues))
  if (relocated) {
    // what follows only from a field being in the wrong place (a selector "missing" because it was indented under
    // the wrong parent) is not a second problem: the unknown-field error already says where it belongs
    const remaining = new Set(defaultAndValidate(kindCheck.kind, relocated).map(issueKey))
    ruleIssues = ruleIssues.filter((i) => remaining.has(issueKey(i)))
  }
  const issues = dedupe([...decodeIssues, ...ruleIssues])
  const dropped = decodeIssues.dropped + ruleList.dropped
  if (issues.length > 0) return { issues, dropped, kind: kindCheck.kind, name, valid: null }
  const metadata = (isObject(obj.metadata) ? obj.metadata : (obj.metadata = {})) as JsonObject
  if (kindCheck.kind !== 'Namespace' && !stringAt(metadata.namespace)) metadata.namespace = 'default'
  return { issues: [], kind: kindCheck.kind, name, valid: { kind: kindCheck.kind, apiVersion: kindCheck.apiVersion, object: obj } }
}

/** The server resets status on create and fills in defaults before validating. */
function defaultAndValidate(kind: SupportedKind | UnsimulatedKind, obj: JsonObject): IssueList {
  delete obj.status
  applyDefaultsInPlace(obj)
  return validateKindRules(kind, obj)
}

/**
 * A copy of the decoded object with each unknown field put where field-suggestions.ts says it belongs (when that
 * place is free), decoded the same way; null when no field can be moved.
 */
function withMisplacedFieldsMoved(obj: JsonObject, decodeIssues: FieldIssue[]): JsonObject | null {
  let copy: JsonObject | null = null
  for (const issue of decodeIssues) {
    // a null field is unset wherever it is written
    if (!issue.relocate || issue.relocate.value === null || issue.relocate.value === undefined) continue
    copy ??= cloneJson(obj) as JsonObject
    place(copy, issue.relocate.to.segments(), cloneJson(issue.relocate.value))
  }
  if (!copy) return null
  checkSchema(copy.kind as SupportedKind | UnsimulatedKind, copy)
  return copy
}

/** Sets `value` at `segments`, creating missing objects on the way; leaves a path that is taken or blocked alone. */
function place(root: JsonObject, segments: Array<string | number>, value: unknown): void {
  let at: unknown = root
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i]
    const next = typeof seg === 'number' ? (Array.isArray(at) ? at[seg] : undefined) : isObject(at) ? at[seg] : undefined
    if ((next === undefined || next === null) && typeof seg === 'string' && isObject(at) && typeof segments[i + 1] === 'string')
      at[seg] = {}
    else if (!isObject(next) && !Array.isArray(next)) return
    at = typeof seg === 'number' ? (at as unknown[])[seg] : (at as JsonObject)[seg]
  }
  const last = segments[segments.length - 1]
  if (isObject(at) && typeof last === 'string' && at[last] === undefined) at[last] = value
}

function issueKey(i: FieldIssue): string {
  return `${i.field}\u0000${i.type}\u0000${i.message}`
}

/** A rule error on a field that already failed to decode repeats the same problem; keep only the decode error. */
function coveredByDecodeIssue(issue: FieldIssue, decodeIssues: FieldIssue[]): boolean {
  return decodeIssues.some(
    (d) => d.field !== '' && (issue.field === d.field || issue.field.startsWith(`${d.field}.`) || issue.field.startsWith(`${d.field}[`)),
  )
}

function manifestObject(document: number, valid: SimulatedValid, source: SourceMap, raw?: Record<string, unknown>): ManifestObject {
  const meta = objectAt(valid.object.metadata) ?? {}
  return {
    document,
    apiVersion: valid.apiVersion,
    kind: valid.kind,
    name: stringAt(meta.name) ?? '',
    namespace: valid.kind === 'Namespace' ? '' : (stringAt(meta.namespace) ?? 'default'),
    object: valid.object as unknown as KubeObject,
    positionOf: (field: string) => source.positionOf(field),
    ...(raw ? { raw } : {}),
  }
}

function limitDiagnostic(stream: ParsedStream, file: string | undefined): Diagnostic {
  const { problem, document } = stream.limit!
  const base = { document, kind: null, name: null, field: '' }
  switch (problem.kind) {
    case 'tooLarge':
      return requestTooLarge(problem.bytes, file)
    case 'tooManyDocuments':
      return withFile(
        {
          ...base,
          type: 'FieldValueTooMany',
          line: 1,
          column: 1,
          message: `Too many: ${problem.count}: must have at most ${MAX_DOCUMENTS} documents`,
          hint: limitHints.tooManyDocuments(problem.count, MAX_DOCUMENTS),
        },
        file,
      )
    case 'controlCharacter': {
      const pos = stream.lines.positionAt(problem.offset)
      return withFile(
        {
          ...base,
          type: 'YAMLSyntax',
          line: pos.line,
          column: pos.column,
          message: 'yaml: control characters are not allowed',
          hint: limitHints.controlCharacter(problem.code),
        },
        file,
      )
    }
    case 'tooDeep': {
      const pos = stream.lines.positionAt(problem.offset)
      return withFile(
        {
          ...base,
          type: 'YAMLSyntax',
          line: pos.line,
          column: pos.column,
          message: `yaml: line ${pos.line}: exceeded max depth of 100`,
          hint: yamlSyntaxHint('RESOURCE_EXHAUSTION'),
        },
        file,
      )
    }
  }
}

/** The API server's answer to a body over 3 MiB, for callers that see the size before reading (the CLI). */
export function requestTooLarge(bytes: number, file?: string): Diagnostic {
  const d: Diagnostic = {
    document: 0,
    kind: null,
    name: null,
    field: '',
    type: 'FieldValueTooLong',
    line: 1,
    column: 1,
    message: `Request entity too large: limit is ${MAX_REQUEST_BYTES}`,
    hint: limitHints.tooLarge(bytes),
  }
  return withFile(d, file)
}

function withFile(d: Diagnostic, file: string | undefined): Diagnostic {
  return file === undefined ? d : { file, ...d }
}

/**
 * A copy of decoded YAML/JSON (plain objects, arrays, scalars) — several times faster than structuredClone for
 * a manifest. Anything else (a class instance, a function) is kept as it is: the schema check reports it as a
 * wrong type. Cycles (YAML aliases can make them) and very deep values go to structuredClone.
 */
function cloneJson(value: unknown): unknown {
  const copy = clonePlain(value, 0)
  if (copy !== TOO_DEEP) return copy
  try {
    return structuredClone(value)
  } catch {
    return value
  }
}

const TOO_DEEP = Symbol('too deep')

function clonePlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (depth > 64) return TOO_DEEP
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length)
    for (let i = 0; i < value.length; i++) {
      const v = clonePlain(value[i], depth + 1)
      if (v === TOO_DEEP) return TOO_DEEP
      out[i] = v
    }
    return out
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue
    const v = clonePlain((value as Record<string, unknown>)[k], depth + 1)
    if (v === TOO_DEEP) return TOO_DEEP
    out[k] = v
  }
  return out
}

function internalFailure(error: unknown, file?: string, document = 0): ValidationResult {
  const message = `internal error: ${error instanceof Error ? error.message : String(error)}`
  const d = withFile(
    {
      document,
      kind: null,
      name: null,
      field: '',
      type: 'FieldValueInvalid',
      line: 0,
      column: 0,
      message,
      hint: {
        ko: 'Kubelab 검사기 내부 오류입니다. 이 입력을 팀에 알려 주세요.',
        en: 'Internal error in the Kubelab validator. Please report this input.',
      },
    },
    file,
  )
  return { valid: false, errors: [d], objects: [] }
}
