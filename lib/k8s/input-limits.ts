/**
 * Cheap checks run on the raw text before the YAML parser sees it, so hostile input (huge, binary, absurdly
 * nested, thousands of documents) is answered in linear time with bounded memory.
 */

/** The API server's request body limit (MaxRequestBodyBytes = 3 MiB). */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024
/** Far more than any lesson needs; keeps a 10,000-document paste from costing seconds. */
export const MAX_DOCUMENTS = 1000
/** Real manifests nest about 12 levels; anything past this is an attack or an accident. */
export const MAX_DEPTH = 100
/** Nodes that aliases may add to one stream ("billion laughs" protection); real manifests need a handful. */
export const MAX_ALIAS_NODES = 10_000

export type LimitProblem =
  | { kind: 'tooLarge'; bytes: number }
  | { kind: 'controlCharacter'; offset: number; code: number }
  | { kind: 'tooManyDocuments'; count: number }
  | { kind: 'tooDeep'; offset: number }

/** UTF-8 length without allocating, stopping early once past `limit`. */
export function utf8Length(text: string, limit = Infinity): number {
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

// YAML's printable set (c-printable): everything else — C0/C1 controls, DEL, lone surrogates, U+FFFE/U+FFFF —
// means the input is not a text file. The first pattern is a cheap screen; surrogates need the exact one.
// eslint-disable-next-line no-control-regex -- control characters are what this screens for
const SUSPECT = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF\uD800-\uDFFF]/
const NON_PRINTABLE =
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function checkInputLimits(text: string): LimitProblem | null {
  if (text.length > MAX_REQUEST_BYTES / 3) {
    const bytes = utf8Length(text, MAX_REQUEST_BYTES)
    if (bytes > MAX_REQUEST_BYTES) return { kind: 'tooLarge', bytes }
  }
  const control = SUSPECT.test(text) ? NON_PRINTABLE.exec(text) : null
  if (control) return { kind: 'controlCharacter', offset: control.index, code: text.charCodeAt(control.index) }
  const documents = countDocuments(text)
  if (documents > MAX_DOCUMENTS) return { kind: 'tooManyDocuments', count: documents }
  // Nesting past the limit needs that many brackets, or a line of that many `- ` indicators; ordinary
  // manifests have neither, so the character scan is skipped for them.
  if (countBrackets(text, MAX_DEPTH) > MAX_DEPTH || DASH_RUN.test(text)) {
    const deep = findExcessiveNesting(text, MAX_DEPTH)
    if (deep >= 0) return { kind: 'tooDeep', offset: deep }
  }
  return null
}

const DASH_RUN = new RegExp(`(?:-[ \\t]+){${Math.floor(MAX_DEPTH / 2)}}`)

function countBrackets(text: string, stopAfter: number): number {
  let n = 0
  for (let i = text.indexOf('['); i >= 0 && n <= stopAfter; i = text.indexOf('[', i + 1)) n++
  for (let i = text.indexOf('{'); i >= 0 && n <= stopAfter; i = text.indexOf('{', i + 1)) n++
  return n
}

function countDocuments(text: string): number {
  let count = 1
  const marker = /^---(?=[ \t\r\n]|$)/gm
  while (marker.exec(text)) count++
  return count
}

/**
 * Offset where nesting passes `max`, or -1. Flow collections count their brackets (quoted scalars and
 * comments skipped); block collections count one level per indentation step or `- ` indicator on a line.
 * This over-approximates slightly, which is fine for a limit 8× above real manifests.
 */
export function findExcessiveNesting(text: string, max: number): number {
  let flow = 0
  let lineStart = true
  let blockDepth = 0
  const indents: number[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (lineStart) {
      lineStart = false
      let col = 0
      while (text.charCodeAt(i + col) === 0x20) col++
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1] >= col) indents.pop()
        indents.push(col)
        blockDepth = indents.length
        // `- - - x` nests one sequence per indicator on the same line
        let j = i + col
        while (text.charCodeAt(j) === 0x2d && (text.charCodeAt(j + 1) === 0x20 || text.charCodeAt(j + 1) === 0x0a)) {
          blockDepth++
          j += 2
          while (text.charCodeAt(j) === 0x20) j++
        }
        if (blockDepth > max) return i
      }
      i += col - 1
      continue
    }
    if (ch === 0x0a) {
      lineStart = true
    } else if (ch === 0x5b || ch === 0x7b) {
      flow++
      if (flow + blockDepth > max) return i
    } else if (ch === 0x5d || ch === 0x7d) {
      if (flow > 0) flow--
    } else if (ch === 0x22 || ch === 0x27) {
      // skip a quoted scalar (a quote inside a plain word, like don't, is rare enough to ignore here)
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20
      if (prev === 0x20 || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a || prev === 0x0a) {
        const close = ch === 0x22 ? findDoubleQuoteEnd(text, i + 1) : findSingleQuoteEnd(text, i + 1)
        if (close < 0) return -1
        lineStart = false
        i = close
      }
    } else if (ch === 0x23) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20
      if (prev === 0x20 || prev === 0x09) {
        const nl = text.indexOf('\n', i)
        if (nl < 0) return -1
        i = nl - 1
      }
    }
  }
  return -1
}

function findDoubleQuoteEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c) i++
    else if (c === 0x22) return i
  }
  return -1
}

function findSingleQuoteEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text.charCodeAt(i) === 0x27) {
      if (text.charCodeAt(i + 1) === 0x27) i++
      else return i
    }
  }
  return -1
}
