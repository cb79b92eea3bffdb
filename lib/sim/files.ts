/**
 * The learner's home directory beside the cluster: a few small text files (the editor's manifest) that
 * `kubectl -f`, `cat` and `ls` read. It is not an API object: snapshots leave it out, and the simulator host
 * carries it into the new cluster on a reset (the learner's files are not the cluster's).
 *
 * One flat directory, /home/learner: `exercise.yaml`, `./exercise.yaml`, `~/exercise.yaml`, `$HOME/exercise.yaml`
 * and `/home/learner/exercise.yaml` name the same file.
 */
import type { ClusterState } from './state.ts'
import { utf8Length } from './k8s.ts'

export const HOME = '/home/learner'
export const MAX_FILE_BYTES = 256 * 1024
export const MAX_FILES = 20
const MAX_NAME_LENGTH = 255

export type FileErrorCode = 'badName' | 'tooLarge' | 'tooMany'
export type FileResult = { ok: true } | { ok: false; code: FileErrorCode; error: string }

/** A path as the learner typed it: a file in the home directory, the home directory itself, or elsewhere. */
export type ResolvedPath = { file: string } | { home: true } | { outside: string }

export function resolvePath(path: string): ResolvedPath {
  let p = path
  for (const prefix of [`${HOME}/`, '~/', '$HOME/', '${HOME}/']) if (p.startsWith(prefix)) p = p.slice(prefix.length)
  if (p === HOME || p === `${HOME}/` || p === '~' || p === '$HOME' || p === '${HOME}') return { home: true }
  if (p.startsWith('/')) return { outside: path }
  const parts = p.split('/').filter((s) => s !== '' && s !== '.')
  if (parts.length === 0) return { home: true }
  if (parts.length > 1 || parts[0] === '..') return { outside: path }
  return { file: parts[0]! }
}

function validName(path: string): { name: string } | { code: FileErrorCode; error: string } {
  const r = resolvePath(path)
  if (!('file' in r)) return { code: 'badName', error: `"${path}" is not a file in ${HOME} (files live directly in the home directory)` }
  // eslint-disable-next-line no-control-regex
  if (r.file.length > MAX_NAME_LENGTH || /[\x00-\x1f\x7f]/.test(r.file))
    return { code: 'badName', error: `"${path}" is not a valid file name` }
  return { name: r.file }
}

export function writeFile(state: ClusterState, path: string, text: string): FileResult {
  const v = validName(path)
  if ('error' in v) return { ok: false, ...v }
  const body = String(text)
  const bytes = utf8Length(body)
  if (bytes > MAX_FILE_BYTES) {
    return {
      ok: false,
      code: 'tooLarge',
      error: `${v.name} is ${Math.ceil(bytes / 1024)} KiB; a file holds at most ${MAX_FILE_BYTES / 1024} KiB`,
    }
  }
  if (!state.files.has(v.name) && state.files.size >= MAX_FILES) {
    return { ok: false, code: 'tooMany', error: `the home directory holds at most ${MAX_FILES} files` }
  }
  state.files.set(v.name, { text: body, bytes, modified: state.now })
  return { ok: true }
}

export function readFile(state: ClusterState, path: string): string | undefined {
  const r = resolvePath(path)
  return 'file' in r ? state.files.get(r.file)?.text : undefined
}

export function removeFile(state: ClusterState, path: string): boolean {
  const r = resolvePath(path)
  return 'file' in r && state.files.delete(r.file)
}

/** File names, sorted as `ls` sorts them in the C locale. */
export function listFiles(state: ClusterState): string[] {
  return [...state.files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
