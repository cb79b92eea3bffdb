'use client'
import { DiffEditor } from '@monaco-editor/react'
import './monaco-setup'

/** The reference solution beside the learner's text, as Monaco's side-by-side diff. */
export default function SolutionDiff({
  original,
  solution,
  theme,
  language,
}: {
  original: string
  solution: string
  theme: 'light' | 'dark'
  language: string
}) {
  return (
    <DiffEditor
      height="100%"
      language={language}
      original={original}
      modified={solution}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      options={{
        readOnly: true,
        renderSideBySide: true,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        originalEditable: false,
      }}
    />
  )
}
