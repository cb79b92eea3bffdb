/**
 * `kubelab validate FILE… [--json] [--lang ko|en]` — validates Kubernetes manifests as the API server would.
 * Exit 0 when every file is valid, 1 when any is invalid, 2 on a usage or I/O error.
 * `--json` prints exactly one JSON object: { valid, errors } (plus `error` on a usage or I/O failure).
 * Text mode prints kubectl-style lines prefixed with `file:line:column`.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { parseAllDocuments } from 'yaml'
import type { CliIO } from './io.ts'
import { defineCommand, parseCommand, usageError } from './args.ts'
import {
  MAX_REQUEST_BYTES,
  decodeManifestBytes,
  formatKubectlError,
  requestTooLarge,
  validateManifests,
  type Diagnostic,
} from '../k8s/index.ts'
import type { Locale } from '../../i18n/locales.ts'

const USAGE = `Usage: npm run -s kubelab -- validate FILE… [--json] [--lang ko|en]

Validates Kubernetes manifests as the API server would: the kinds the simulator runs (Pod, Deployment, ReplicaSet,
Service, Namespace) and, not simulated, Job, Ingress, PodDisruptionBudget, Secret, ConfigMap and ServiceAccount.
A kustomization file (kustomize.config.k8s.io) is not an API object: it is skipped, and said so.
  FILE         a YAML file with one or more documents; - reads standard input
  --json       print one JSON object: { "valid": bool, "errors": [ … ] }
  --lang L     also print the learner hint under each error, in ko or en (text mode)

Exit codes: 0 all valid, 1 any invalid, 2 usage or I/O error.
`

const spec = defineCommand({
  command: 'validate',
  usage: USAGE,
  options: { json: { type: 'boolean' }, lang: { type: 'string' } },
  // the contract's one object, { valid, errors }, with the line that went to stderr
  jsonError: (message) => JSON.stringify({ valid: false, errors: [], error: `kubelab validate: ${message}` }, null, 2),
})

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommand(args, io, spec)
  if ('exit' in parsed) return parsed.exit
  const { json } = parsed
  const files = parsed.positionals
  const lang = parsed.values.lang ?? null
  if (lang !== null && lang !== 'ko' && lang !== 'en')
    return usageError(io, spec, `--lang must be ko or en, not ${JSON.stringify(lang)}`, json)
  if (files.length === 0) return usageError(io, spec, 'no files given', json)

  const errors: Diagnostic[] = []
  const warnings: Diagnostic[] = []
  const summaries: string[] = []
  for (const file of files) {
    let read: { bytes: Uint8Array; total: number }
    try {
      read = readCapped(file, MAX_REQUEST_BYTES)
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
      return fail(io, json, `kubelab validate: cannot read ${file}: ${reason}`)
    }
    if (read.total > MAX_REQUEST_BYTES) {
      errors.push(requestTooLarge(read.total, file))
      continue
    }
    const decoded = decodeManifestBytes(read.bytes, { file })
    if (!decoded.ok) {
      errors.push(decoded.error)
      continue
    }
    if (isKustomization(decoded.text)) {
      summaries.push(`${file}: a kustomization (kustomize's file, not an API object): skipped`)
      continue
    }
    const result = validateManifests(decoded.text, { file, kinds: 'all' })
    errors.push(...result.errors)
    warnings.push(...(result.warnings ?? []))
    const named = [...result.objects, ...(result.unsimulated ?? [])].sort((a, b) => a.document - b.document)
    const notSimulated = new Set(result.unsimulated ?? [])
    if (result.valid)
      summaries.push(
        `${file}: ${named.length === 1 ? '1 object' : `${named.length} objects`} valid (${named.map((o) => `${o.kind}/${o.name}${notSimulated.has(o as never) ? ' — not simulated' : ''}`).join(', ')})`,
      )
  }

  const valid = errors.length === 0
  // warnings (valid fields the simulator does not act on) never make a manifest invalid; listed only when there are any
  if (json) io.stdout(`${JSON.stringify({ valid, errors, ...(warnings.length > 0 ? { warnings } : {}) }, null, 2)}\n`)
  else {
    const lines = [...errors.map((d) => textLine(d, lang)), ...warnings.map((d) => warningLine(d, lang))]
    io.stdout([...summaries, ...lines].map((l) => `${l}\n`).join(''))
  }
  return valid ? 0 : 1
}

/** Every document is kustomize's own (`kind: Kustomization` or `Component`, apiVersion kustomize.config.k8s.io/…). */
function isKustomization(text: string): boolean {
  try {
    const docs = parseAllDocuments(text)
    if (!Array.isArray(docs) || docs.length === 0) return false
    return docs.every((d) => {
      const v = d.errors.length === 0 ? (d.toJS() as { apiVersion?: unknown; kind?: unknown } | null) : null
      return (
        typeof v?.apiVersion === 'string' &&
        v.apiVersion.startsWith('kustomize.config.k8s.io/') &&
        (v.kind === 'Kustomization' || v.kind === 'Component')
      )
    })
  } catch {
    return false
  }
}

/**
 * Reads at most `limit` bytes (memory stays bounded however large the file); `total` counts what was there,
 * up to a little past the limit.
 */
function readCapped(file: string, limit: number): { bytes: Uint8Array; total: number } {
  const fd = file === '-' ? 0 : openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(limit + 1)
    let total = 0
    for (;;) {
      let n: number
      try {
        n = readSync(fd, buffer, total, buffer.length - total, null)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue // non-blocking stdin: try again
        throw error
      }
      if (n === 0) break
      total += n
      if (total > limit) {
        // count the rest without keeping it, for the message
        const sink = Buffer.alloc(64 * 1024)
        for (let m = readSync(fd, sink, 0, sink.length, null); m > 0 && total < 64 * limit; m = readSync(fd, sink, 0, sink.length, null))
          total += m
        break
      }
    }
    return { bytes: buffer.subarray(0, Math.min(total, limit)), total }
  } finally {
    if (fd !== 0) closeSync(fd)
  }
}

function textLine(d: Diagnostic, lang: Locale | null): string {
  // one line per error, so editors and grep can jump to file:line:column
  const text = formatKubectlError([d]).replace(/\s*\n\s*/g, ' ')
  const line = `${d.file ?? '-'}:${d.line}:${d.column}: ${text}`
  return lang ? `${line}\n    ${lang === 'ko' ? '힌트' : 'hint'}: ${d.hint[lang]}` : line
}

function warningLine(d: Diagnostic, lang: Locale | null): string {
  const line = `${d.file ?? '-'}:${d.line}:${d.column}: Warning: ${d.field}: ${d.message}`
  return lang ? `${line}\n    ${lang === 'ko' ? '힌트' : 'hint'}: ${d.hint[lang]}` : line
}

/** An I/O error: the line on stderr and, with --json, the contract's object with it; exit 2. */
function fail(io: CliIO, json: boolean, message: string): number {
  io.stderr(`${message}\n`)
  if (json) io.stdout(`${JSON.stringify({ valid: false, errors: [], error: message }, null, 2)}\n`)
  return 2
}
