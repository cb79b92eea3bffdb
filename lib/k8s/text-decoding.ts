/** Bytes → text for manifests read from files or uploads: strict UTF-8, with the offending byte located. */
import { limitHints } from './hints/yaml-hints.ts'
import type { Diagnostic } from './types.ts'

/** Offset of the first byte that breaks UTF-8, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    if (i + need >= bytes.length) return i
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

export type DecodedManifest = { ok: true; text: string } | { ok: false; error: Diagnostic }

/** Decodes UTF-8 (a leading BOM is dropped); invalid bytes give a YAMLSyntax diagnostic at their line. */
export function decodeManifestBytes(bytes: Uint8Array, options: { file?: string } = {}): DecodedManifest {
  const bad = findInvalidUtf8(bytes)
  if (bad < 0) return { ok: true, text: new TextDecoder('utf-8').decode(bytes) }
  let line = 1
  let lineStart = 0
  for (let i = 0; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  const error: Diagnostic = {
    document: 0,
    kind: null,
    name: null,
    field: '',
    type: 'YAMLSyntax',
    line,
    column: bad - lineStart + 1,
    message: `yaml: invalid leading UTF-8 octet at byte ${bad}`,
    hint: limitHints.invalidUtf8(bad),
  }
  return { ok: false, error: options.file === undefined ? error : { file: options.file, ...error } }
}
