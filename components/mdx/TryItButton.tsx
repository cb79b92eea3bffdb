'use client'
import { loadIntoEditor } from '@/components/workspace/editor-events'

/** Under a ```yaml tryit block: puts the YAML into the workspace's editor (which asks before replacing the learner's text). */
export function TryItButton({ yaml, label }: { yaml: string; label: string }) {
  return (
    <button type="button" className="button small try-it" onClick={() => loadIntoEditor(yaml)} data-testid="try-it">
      ▶ {label}
    </button>
  )
}
