/** Labels, annotations and label selectors (apimachinery meta/v1/validation, api/validation/objectmeta.go). */
import type { FieldPath } from '../field-path.ts'
import { forbidden, invalid, required, tooLong, type FieldIssue } from '../field-errors.ts'
import { metadataHints } from '../hints/metadata-hints.ts'
import { utf8Length } from '../input-limits.ts'
import { isQualifiedName, isValidLabelValue } from '../name-rules.ts'
import { arrayAt, isObject, objectAt, stringAt } from '../object-access.ts'

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024

/** Errors are reported on the map's path (`metadata.labels`), positioned on the offending key. */
export function validateLabels(labels: unknown, path: FieldPath, out: FieldIssue[]): void {
  if (!isObject(labels)) return
  for (const [k, v] of Object.entries(labels)) {
    validateLabelName(k, path, out, path.key(k))
    if (typeof v !== 'string') continue // a wrong type is a decode error, reported by the schema check
    for (const msg of isValidLabelValue(v)) out.push(invalid(path, v, msg, metadataHints.labelValue(k, v), path.key(k)))
  }
}

export function validateLabelName(key: string, path: FieldPath, out: FieldIssue[], at?: FieldPath): void {
  for (const msg of isQualifiedName(key)) out.push(invalid(path, key, msg, metadataHints.labelKey(key), at))
}

export function validateAnnotations(annotations: unknown, path: FieldPath, out: FieldIssue[]): void {
  if (!isObject(annotations)) return
  let size = 0
  for (const [k, v] of Object.entries(annotations)) {
    // annotation keys follow the label-key rule, but case does not matter
    for (const msg of isQualifiedName(k.toLowerCase())) out.push(invalid(path, k, msg, metadataHints.annotationKey(k), path.key(k)))
    size += utf8Length(k) + (typeof v === 'string' ? utf8Length(v) : 0)
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
    out.push(tooLong(path, `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`, metadataHints.annotationsTooLong))
  }
}

/** A workload's LabelSelector, checked strictly (invalid label values in selectors are rejected). */
export function validateLabelSelector(selector: unknown, path: FieldPath, out: FieldIssue[]): void {
  const sel = objectAt(selector)
  if (!sel) return
  validateLabels(sel.matchLabels, path.child('matchLabels'), out)
  const exprs = arrayAt(sel.matchExpressions)
  exprs.forEach((e, i) => {
    const expr = objectAt(e)
    if (!expr) return
    const p = path.child('matchExpressions').index(i)
    const values = arrayAt(expr.values)
    const op = expr.operator
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0)
        out.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'", metadataHints.selectorValuesRequired))
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0)
        out.push(
          forbidden(
            p.child('values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            metadataHints.selectorValuesForbidden,
          ),
        )
    } else {
      out.push(invalid(p.child('operator'), op ?? '', 'not a valid selector operator', metadataHints.selectorOperator(String(op ?? ''))))
    }
    const key = stringAt(expr.key) ?? ''
    validateLabelName(key, p.child('key'), out)
    values.forEach((v, j) => {
      if (typeof v !== 'string') return
      for (const msg of isValidLabelValue(v)) out.push(invalid(p.child('values').index(j), v, msg, metadataHints.labelValue(key, v)))
    })
  })
}
