'use client'
import { loadIntoEditor } from '@/components/workspace/editor-events'

export function TryItButton({ yaml, label }: { yaml: string; label: string }) {
  return (
    <button type="button" className="button small try-it" onClick={() => loadIntoEditor(yaml)}>
      ▶ {label}
    </button>
  )
}
