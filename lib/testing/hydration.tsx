/**
 * Hydration in a component test (happy-dom): the element rendered to HTML as the server renders it, then hydrated
 * over that HTML as the browser does. `mismatches` collects what React reports about HTML that differs from the
 * browser's first render (the errors it recovers from and its development warnings), so a test can demand none.
 */
import type { ReactElement } from 'react'
import { renderToString } from 'react-dom/server'
import { render } from '@testing-library/react'
import { vi } from 'vitest'

export function hydrateServerHtml(ui: ReactElement) {
  const serverHtml = renderToString(ui)
  const container = document.body.appendChild(document.createElement('div'))
  container.innerHTML = serverHtml
  const mismatches: string[] = []
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    mismatches.push(args.map(String).join(' '))
  })
  try {
    const rendered = render(ui, { container, hydrate: true, onRecoverableError: (error) => mismatches.push(String(error)) })
    return { ...rendered, serverHtml, mismatches }
  } finally {
    consoleError.mockRestore()
  }
}
