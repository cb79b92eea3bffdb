/** Deployment and ReplicaSet spec rules (pkg/apis/apps/validation ValidateDeploymentSpec / ValidateReplicaSetSpec). */
import type { FieldPath } from '../field-path.ts'
import { forbidden, invalid, notSupported, required, type FieldIssue } from '../field-errors.ts'
import { workloadHints } from '../hints/workload-hints.ts'
import { isEmptyLabelSelector, labelSelectorMatches } from '../label-selector.ts'
import { NEGATIVE_ERROR, isQualifiedName, isValidLabelValue, isValidPercent } from '../name-rules.ts'
import { arrayAt, isObject, numberAt, objectAt, stringAt, stringMap, type JsonObject } from '../object-access.ts'
import type { LabelSelector } from '../types.ts'
import { validateAnnotations, validateLabelSelector, validateLabels } from './labels.ts'
import { validatePodSpec } from './pod-spec.ts'

export function validateWorkload(kind: 'Deployment' | 'ReplicaSet', specValue: unknown, path: FieldPath, out: FieldIssue[]): void {
  const spec = objectAt(specValue) ?? {}
  nonNegative(spec, 'replicas', path, out)
  if (kind === 'ReplicaSet') nonNegative(spec, 'minReadySeconds', path, out)
  const selector = spec.selector
  if (selector === undefined) out.push(required(path.child('selector'), '', workloadHints.selectorRequired(kind)))
  else {
    validateLabelSelector(selector, path.child('selector'), out)
    if (isEmptyLabelSelector((objectAt(selector) ?? {}) as LabelSelector)) {
      // ReplicaSet validation reuses the Deployment text verbatim
      out.push(invalid(path.child('selector'), selector, 'empty selector is invalid for deployment', workloadHints.selectorEmpty(kind)))
    }
  }
  if (isObject(selector) && !selectorConvertible(selector)) {
    out.push(invalid(path.child('selector'), selector, 'invalid label selector', workloadHints.selectorInvalid))
  } else {
    validateTemplate(selector as LabelSelector | undefined, spec.template, path.child('template'), out)
  }
  if (kind === 'Deployment') {
    validateStrategy(spec.strategy, path.child('strategy'), out)
    nonNegative(spec, 'minReadySeconds', path, out)
    nonNegative(spec, 'revisionHistoryLimit', path, out)
    const deadline = numberAt(spec.progressDeadlineSeconds)
    if (deadline !== undefined) {
      nonNegative(spec, 'progressDeadlineSeconds', path, out)
      const minReady = numberAt(spec.minReadySeconds) ?? 0
      if (deadline <= minReady) {
        out.push(
          invalid(
            path.child('progressDeadlineSeconds'),
            deadline,
            'must be greater than minReadySeconds',
            workloadHints.progressDeadline(deadline, minReady),
          ),
        )
      }
    }
  }
}

function nonNegative(spec: JsonObject, field: string, path: FieldPath, out: FieldIssue[]): void {
  const v = numberAt(spec[field])
  if (v !== undefined && v < 0) out.push(invalid(path.child(field), v, NEGATIVE_ERROR, workloadHints.nonNegative(field)))
}

/** metav1.LabelSelectorAsSelector fails on what validation rejects; Kubernetes then skips the template checks. */
function selectorConvertible(sel: JsonObject): boolean {
  for (const [k, v] of Object.entries(objectAt(sel.matchLabels) ?? {})) {
    if (isQualifiedName(k).length > 0 || typeof v !== 'string' || isValidLabelValue(v).length > 0) return false
  }
  for (const e of arrayAt(sel.matchExpressions)) {
    const expr = objectAt(e) ?? {}
    const values = arrayAt(expr.values)
    const key = stringAt(expr.key) ?? ''
    if (isQualifiedName(key).length > 0) return false
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) return false
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) return false
    } else return false
    if (values.some((v) => typeof v !== 'string' || isValidLabelValue(v).length > 0)) return false
  }
  return true
}

function validateTemplate(selector: LabelSelector | undefined, templateValue: unknown, path: FieldPath, out: FieldIssue[]): void {
  const template = objectAt(templateValue) ?? {}
  const meta = objectAt(template.metadata) ?? {}
  const labels = stringMap(meta.labels)
  // a missing selector matches nothing (so this fails too); the empty selector matches everything (skipped)
  const empty = selector !== undefined && Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions?.length ?? 0) === 0
  if (!empty && !labelSelectorMatches(selector, labels)) {
    const wanted = selector?.matchLabels ?? {}
    const missing = Object.entries(wanted)
      .filter(([k, v]) => labels[k] !== v)
      .map(([k, v]) => `${k}=${v}`)
    const labelsPath = path.child('metadata').child('labels')
    out.push(
      invalid(
        labelsPath,
        sortedMap(labels),
        '`selector` does not match template `labels`',
        workloadHints.selectorMismatch(wanted, labels, missing),
      ),
    )
  }
  // Kubernetes reports template label/annotation errors at spec.template.labels (no `metadata`), a known quirk
  validateLabelsAt(meta.labels, path.child('labels'), path.child('metadata').child('labels'), out)
  validateAnnotations(meta.annotations, path.child('annotations'), out)
  validatePodSpec(template.spec, path.child('spec'), { template: true }, out)
}

function validateLabelsAt(labels: unknown, reported: FieldPath, source: FieldPath, out: FieldIssue[]): void {
  const found: FieldIssue[] = []
  validateLabels(labels, source, found)
  for (const issue of found) out.push({ ...issue, path: reported, field: reported.toString(), at: issue.at ?? source })
}

function sortedMap(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(m)
      .sort()
      .map((k) => [k, m[k]]),
  )
}

const STRATEGY_TYPES = ['Recreate', 'RollingUpdate']

function validateStrategy(value: unknown, path: FieldPath, out: FieldIssue[]): void {
  const strategy = objectAt(value) ?? {}
  const type = strategy.type
  if (type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined) {
      out.push(
        forbidden(
          path.child('rollingUpdate'),
          "may not be specified when strategy `type` is 'Recreate'",
          workloadHints.recreateWithRollingUpdate,
        ),
      )
    }
  } else if (type === 'RollingUpdate') {
    const ru = objectAt(strategy.rollingUpdate)
    if (ru) validateRollingUpdate(ru, path.child('rollingUpdate'), out)
  } else {
    // defaulting has set a missing or empty type, so this is a value someone wrote
    out.push({
      ...notSupported(
        path,
        strategy,
        STRATEGY_TYPES,
        workloadHints.strategyType(typeof type === 'string' ? type : (JSON.stringify(type) ?? '')),
      ),
      at: path.child('type'),
    })
  }
}

function validateRollingUpdate(ru: JsonObject, path: FieldPath, out: FieldIssue[]): void {
  positiveIntOrPercent(ru.maxUnavailable, path.child('maxUnavailable'), out)
  positiveIntOrPercent(ru.maxSurge, path.child('maxSurge'), out)
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    out.push(invalid(path.child('maxUnavailable'), ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0', workloadHints.bothZero))
  }
  const pct = percentValue(ru.maxUnavailable)
  if (pct !== null && pct > 100)
    out.push(
      invalid(
        path.child('maxUnavailable'),
        ru.maxUnavailable,
        'must not be greater than 100%',
        workloadHints.over100(String(ru.maxUnavailable)),
      ),
    )
}

function positiveIntOrPercent(v: unknown, path: FieldPath, out: FieldIssue[]): void {
  if (typeof v === 'string') {
    for (const msg of isValidPercent(v)) out.push(invalid(path, v, msg, workloadHints.percent(path.toString(), v)))
  } else if (typeof v === 'number' && v < 0) {
    out.push(invalid(path, v, NEGATIVE_ERROR, workloadHints.nonNegative(path.toString())))
  }
}

function percentValue(v: unknown): number | null {
  return typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : null
}

/** apps validation's getIntOrPercentValue: a percent's number, an int, or Go's Atoi of other strings (0 on failure). */
function intOrPercentValue(v: unknown): number {
  const pct = percentValue(v)
  if (pct !== null) return pct
  if (typeof v === 'number') return v
  return typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : 0
}
