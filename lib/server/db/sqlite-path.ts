import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** `file:./data/kubelab.db` → an absolute path (relative to the working directory), creating its folder. */
export function sqlitePath(url: string): string {
  const raw = url.replace(/^file:/, '').replace(/\?.*$/, '')
  if (raw === ':memory:') return raw
  const path = resolve(raw)
  mkdirSync(dirname(path), { recursive: true })
  return path
}
