import type { ClusterState } from '../state.ts'
export function runCommand(_state: ClusterState, line: string): { ok: boolean; output: string } {
  return { ok: false, output: `error: unknown command "${line}"\n` }
}
