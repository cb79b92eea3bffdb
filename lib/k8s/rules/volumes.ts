/**
 * Pod volumes (ValidateVolumes): named, unique, at most one source type. A volume with no source never gets here:
 * defaulting made it an emptyDir (SetDefaults_Volume), so upstream's "must specify a volume type" is unreachable.
 */
import type { FieldPath } from '../field-path.ts'
import { duplicate, forbidden, invalid, required, type FieldIssue } from '../field-errors.ts'
import { podHints } from '../hints/pod-hints.ts'
import { metadataHints } from '../hints/metadata-hints.ts'
import { isDNS1123Label } from '../name-rules.ts'
import { arrayAt, objectAt, stringAt } from '../object-access.ts'

/** @returns the declared volume names, for volumeMounts to refer to */
export function validateVolumes(value: unknown, path: FieldPath, out: FieldIssue[]): Set<string> {
  const names = new Set<string>()
  arrayAt(value).forEach((v, i) => {
    const vol = objectAt(v)
    if (!vol) return
    const p = path.index(i)
    const name = stringAt(vol.name) ?? ''
    if (name === '') out.push(required(p.child('name'), '', podHints.volumeNameRequired))
    else {
      const msgs = isDNS1123Label(name)
      for (const msg of msgs)
        out.push(invalid(p.child('name'), name, msg, metadataHints.invalidName(podHints.volumeName, name, 'dns1123label')))
      if (names.has(name)) out.push(duplicate(p.child('name'), name, podHints.volumeDuplicate(name)))
      names.add(name)
    }
    const sources = Object.keys(vol).filter((k) => k !== 'name')
    for (const extra of sources.slice(1))
      out.push(forbidden(p.child(extra), 'may not specify more than 1 volume type', podHints.volumeTypeTooMany))
  })
  return names
}
