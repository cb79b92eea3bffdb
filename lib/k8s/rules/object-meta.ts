/** ObjectMeta rules shared by every kind (apimachinery api/validation/objectmeta.go ValidateObjectMeta). */
import type { FieldPath } from '../field-path.ts'
import { forbidden, invalid, required, type FieldIssue } from '../field-errors.ts'
import { metadataHints, type NameRule } from '../hints/metadata-hints.ts'
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from '../name-rules.ts'
import { objectAt, stringAt } from '../object-access.ts'
import { withParticle } from '../../text/korean-particles.ts'
import type { Localized } from '../types.ts'
import { validateAnnotations, validateLabels } from './labels.ts'

const NAME_RULES: Record<NameRule, (v: string) => readonly string[]> = {
  subdomain: isDNS1123Subdomain,
  dns1035: isDNS1035Label,
  dns1123label: isDNS1123Label,
}

export interface MetaOptions {
  kind: string
  nameRule: NameRule
  namespaced: boolean
}

export function validateObjectMeta(metadata: unknown, path: FieldPath, opts: MetaOptions, out: FieldIssue[]): void {
  const meta = objectAt(metadata) ?? {}
  const name = stringAt(meta.name) ?? ''
  const generateName = stringAt(meta.generateName) ?? ''
  const check = NAME_RULES[opts.nameRule]
  const what = () => metadataHints.objectName(opts.kind)
  if (generateName !== '') {
    // a trailing '-' is fine in a prefix: the server appends random characters after it
    const masked = generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName
    for (const msg of check(masked))
      out.push(invalid(path.child('generateName'), generateName, msg, metadataHints.invalidName(what(), generateName, opts.nameRule)))
  }
  if (name === '') {
    if (generateName === '')
      out.push(required(path.child('name'), 'name or generateName is required', metadataHints.nameRequired(opts.kind)))
  } else {
    for (const msg of check(name)) out.push(invalid(path.child('name'), name, msg, metadataHints.invalidName(what(), name, opts.nameRule)))
  }
  const namespace = stringAt(meta.namespace) ?? ''
  if (opts.namespaced) {
    if (namespace !== '') validateNamespaceName(namespace, path.child('namespace'), metadataHints.namespaceName, out)
  } else if (namespace !== '') {
    out.push(
      forbidden(path.child('namespace'), 'not allowed on this type', {
        ko: `${withParticle(opts.kind, '은/는')} Namespace에 속하지 않으므로 metadata.namespace를 쓸 수 없습니다. 그 줄을 지우세요.`,
        en: `A ${opts.kind} does not live in a namespace, so metadata.namespace is not allowed. Remove that line.`,
      }),
    )
  }
  validateLabels(meta.labels, path.child('labels'), out)
  validateAnnotations(meta.annotations, path.child('annotations'), out)
}

export function validateNamespaceName(value: string, path: FieldPath, what: Localized, out: FieldIssue[]): void {
  for (const msg of isDNS1123Label(value)) out.push(invalid(path, value, msg, metadataHints.invalidName(what, value, 'dns1123label')))
}
