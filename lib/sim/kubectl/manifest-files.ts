/**
 * `-f FILE` for apply, create, delete, diff and get: the files named, read from the learner's home directory
 * (files.ts) the way kubectl's resource builder reads paths (cli-runtime/pkg/resource/builder.go FilenameParam,
 * visitor.go ExpandPathsToFileVisitors and StreamVisitor):
 *
 * - `-f` repeats and takes commas (`-f a.yaml,b.yaml -f c.yaml`); every path is checked before anything is
 *   done (`error: the path "x.yaml" does not exist`); a directory means its .json, .yaml and .yml files;
 * - a file must parse as a whole before any of its objects is sent (`error: error parsing web.yaml: …`);
 * - with an explicit `-n`, an object that names another namespace stops the command (RequireNamespace).
 *
 * - `-f -` reads standard input, which the shell gives from a here-document or `< FILE` (shell-input.ts); its
 *   source is `STDIN` in messages, as kubectl's. Without one there is nothing to type it from: a notice says so.
 */
import { parseAllDocuments } from 'yaml'
import type { Diagnostic, KubeObject } from '../k8s.ts'
import { formatKubectlError, KIND_API_VERSIONS, validateManifests } from '../k8s.ts'
import { listFiles, readFile, resolvePath } from '../files.ts'
import { NAMESPACED, type Kind } from '../objects.ts'
import type { ClusterState } from '../state.ts'
import { flag, listFlag, type ParsedArgs } from './args.ts'
import type { CommandResult } from './result.ts'

const MANIFEST_EXTENSIONS = ['.json', '.yaml', '.yml']

type ManifestObject = ReturnType<typeof validateManifests>['objects'][number]

export interface ManifestFile {
  /** the path as given (kubectl's "source" in its messages); `dir/name` for a file found in a directory */
  source: string
  text: string
}

/** One object of a `-f` file, as the builder's Info: where it came from, what it names, whether it is valid. */
export interface FileDocument {
  source: string
  /** `error: …` when kubectl could not even tell which object this is (no kind, unknown kind, no name) */
  identity: { kind: Kind; apiVersion: string; name: string; namespace: string | undefined } | { error: string }
  /** validation errors: apply, create and diff refuse the object; delete and get only need its identity */
  errors: Diagnostic[]
  /** validated and defaulted, when there are no errors */
  object?: ManifestObject
}

/** `-f -` or `cat` with no here-document or `<` to read: a real terminal would wait for typed input. */
export const STDIN_NOT_SUPPORTED: CommandResult = {
  ok: false,
  output:
    'error: this terminal cannot type into standard input: give it a here-document (kubectl apply -f - <<EOF, the manifest, then EOF) or a file (kubectl apply -f FILE; ls lists them)\n',
  notice: 'stdinNotSupported',
}

/** `-f`/`--filename` values, in order. */
export function filenameArgs(args: ParsedArgs): string[] {
  return listFlag(args, 'filename')
}

/** The files behind `-f`, or kubectl's error when one is missing (then nothing is done). */
export function readManifestFiles(state: ClusterState, args: ParsedArgs): { files: ManifestFile[] } | CommandResult {
  const files: ManifestFile[] = []
  const missing: string[] = []
  for (const path of filenameArgs(args)) {
    if (path === '-') {
      if (args.stdin === undefined) return STDIN_NOT_SUPPORTED
      files.push({ source: 'STDIN', text: args.stdin })
      continue
    }
    if (/^https?:\/\//.test(path))
      return {
        ok: false,
        output: `error: unable to read URL "${path}": the simulated cluster has no network outside it; use a file in the home directory\n`,
      }
    const where = resolvePath(path)
    if ('home' in where) {
      // A directory: its manifests in lexical order, as filepath.Walk visits them.
      const dir = path.endsWith('/') ? path : `${path}/`
      for (const name of listFiles(state)) {
        if (MANIFEST_EXTENSIONS.some((ext) => name.endsWith(ext)))
          files.push({ source: path === '.' ? name : `${dir}${name}`, text: readFile(state, name)! })
      }
      continue
    }
    const text = 'file' in where ? readFile(state, where.file) : undefined
    if (text === undefined) missing.push(path)
    else files.push({ source: path, text })
  }
  // One error: kubectl's "error: " line; several: its aggregate, one message a line.
  if (missing.length === 1) return { ok: false, output: `error: the path "${missing[0]}" does not exist\n` }
  if (missing.length > 1) return { ok: false, output: missing.map((p) => `the path "${p}" does not exist\n`).join('') }
  return { files }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function identityOf(value: unknown, source: string): FileDocument['identity'] {
  if (!isPlain(value))
    return {
      error: `error: error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`,
    }
  const kind = value.kind
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : ''
  const metadata = isPlain(value.metadata) ? value.metadata : {}
  const name = typeof metadata.name === 'string' ? metadata.name : ''
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined
  if (typeof kind !== 'string' || kind === '')
    return { error: `error: unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(value)}'` }
  if (!Object.hasOwn(KIND_API_VERSIONS, kind) || KIND_API_VERSIONS[kind as keyof typeof KIND_API_VERSIONS] !== apiVersion) {
    return {
      error: `error: resource mapping not found for name: "${name}" namespace: "${namespace ?? ''}" from "${source}": no matches for kind "${kind}" in version "${apiVersion}"`,
    }
  }
  if (!name) return { error: 'error: resource name may not be empty' }
  return { kind: kind as Kind, apiVersion, name, namespace: NAMESPACED[kind as Kind] ? namespace : undefined }
}

/**
 * Every object in the `-f` files, in order, or the error that stops the command before anything is sent:
 * a missing file, a file that is not YAML, or (with an explicit -n) an object in another namespace.
 */
export function loadManifests(state: ClusterState, args: ParsedArgs): { documents: FileDocument[] } | CommandResult {
  const read = readManifestFiles(state, args)
  if (!('files' in read)) return read
  const explicitNamespace = flag(args, 'namespace')
  const documents: FileDocument[] = []
  for (const file of read.files) {
    const checked = validateManifests(file.text, { file: file.source, keepRaw: true })
    // The decoder stops at the first error, and so does kubectl.
    const syntax = checked.errors.find((e) => e.type === 'YAMLSyntax')
    if (syntax)
      return {
        ok: false,
        output: `${formatKubectlError([syntax]).replace('error: error parsing YAML:', `error: error parsing ${file.source}:`)}\n`,
      }
    const errorsOf = new Map<number, Diagnostic[]>()
    for (const e of checked.errors) errorsOf.set(e.document, [...(errorsOf.get(e.document) ?? []), e])
    const objectOf = new Map(checked.objects.map((o) => [o.document, o]))
    const parsed = parseAllDocuments(file.text)
    const docs = Array.isArray(parsed) ? parsed : [parsed]
    for (const [index, doc] of docs.entries()) {
      let value: unknown
      try {
        value = doc.toJS({ maxAliasCount: 100 })
      } catch {
        value = undefined
      }
      const errors = errorsOf.get(index) ?? []
      if ((value === null || value === undefined) && errors.length === 0) continue // an empty document
      const identity = identityOf(value, file.source)
      if (
        explicitNamespace !== undefined &&
        'kind' in identity &&
        identity.namespace !== undefined &&
        identity.namespace !== explicitNamespace
      ) {
        return {
          ok: false,
          output: `error: the namespace from the provided object "${identity.namespace}" does not match the namespace "${explicitNamespace}". You must pass '--namespace=${identity.namespace}' to perform this operation.\n`,
        }
      }
      documents.push({ source: file.source, identity, errors, object: errors.length ? undefined : objectOf.get(index) })
    }
  }
  return { documents }
}

/** The validated object in the namespace kubectl sends it to: its own, else -n, else `default`. */
export function objectIn(doc: FileDocument, namespace: string): KubeObject {
  const obj = doc.object!.object
  if (!('kind' in doc.identity) || !NAMESPACED[doc.identity.kind]) return obj
  return { ...obj, metadata: { ...obj.metadata, namespace: doc.identity.namespace ?? namespace } } as KubeObject
}

/**
 * A document's validation errors as kubectl words them for a file: the source is named where kubectl names it
 * ("resource mapping not found … from "web.yaml"", "error when creating "web.yaml"" for decoding errors).
 */
export function documentError(doc: FileDocument, verb: 'creating' | 'applying'): string {
  return formatKubectlError(doc.errors)
    .replace(/^(error: resource mapping not found for name: "[^"]*" namespace: "[^"]*"): /gm, `$1 from "${doc.source}": `)
    .replace(
      /^Error from server \(BadRequest\): /gm,
      verb === 'creating' ? `Error from server (BadRequest): error when creating "${doc.source}": ` : 'Error from server (BadRequest): ',
    )
}
