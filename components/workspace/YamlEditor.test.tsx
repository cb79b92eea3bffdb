// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { EnglishMessages } from './test-builders'

/**
 * Monaco stands in as an editor whose model the test changes (`type`) and that keeps the options it was given;
 * the component around it is the real one.
 */
const monacoFake = vi.hoisted(() => ({
  mounted: false,
  changeListeners: [] as (() => void)[],
  text: '',
  options: null as { ariaLabel?: string } | null,
  type(text: string) {
    monacoFake.text = text
    for (const listener of monacoFake.changeListeners) listener()
  },
}))

vi.mock('@monaco-editor/react', async () => {
  const { useEffect } = await import('react')
  return {
    default: function Editor({ onMount, options }: { onMount(editor: unknown): void; options: { ariaLabel?: string } }) {
      monacoFake.options = options
      // like Monaco's: the editor is created, and onMount called, once, after the first render
      useEffect(() => {
        if (monacoFake.mounted) return
        monacoFake.mounted = true
        onMount({
          onDidChangeModelContent: (listener: () => void) => monacoFake.changeListeners.push(listener),
          onDidFocusEditorText: () => {},
          onDidBlurEditorText: () => {},
          onKeyDown: () => {},
          addCommand: () => {},
          getValue: () => monacoFake.text,
          getModel: () => null,
          updateOptions: () => {},
        })
      }, [onMount])
      return null
    },
  }
})
vi.mock('./monaco-setup', () => ({
  monaco: { KeyCode: { Tab: 2, Escape: 9, Shift: 4, KeyM: 43 }, KeyMod: { CtrlCmd: 2048, WinCtrl: 256 }, Selection: class {} },
  setLineMarkers: () => {},
}))
const { default: YamlEditor } = await import('./YamlEditor')

type Props = Parameters<typeof YamlEditor>[0]

function renderEditor(overrides: Partial<Props> = {}) {
  const props: Props = {
    exerciseId: 'deployment-web',
    initialText: () => 'kind: Deployment\n',
    onEdit: () => {},
    onReady: () => {},
    markers: [],
    label: 'Manifest',
    theme: 'light',
    ...overrides,
  }
  const view = render(<YamlEditor {...props} />, { wrapper: EnglishMessages })
  return { ...view, rerender: (next: Partial<Props>) => view.rerender(<YamlEditor {...props} {...next} />) }
}

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  monacoFake.mounted = false
  monacoFake.changeListeners = []
})

describe('YamlEditor', () => {
  it('hands each change of the text to the onEdit it was rendered with last', () => {
    const first: string[] = []
    const second: string[] = []
    const { rerender } = renderEditor({ onEdit: (text) => first.push(text) })
    act(() => monacoFake.type('replicas: 2'))
    rerender({ onEdit: (text) => second.push(text) })
    act(() => monacoFake.type('replicas: 3'))
    expect(first).toEqual(['replicas: 2'])
    expect(second).toEqual(['replicas: 3'])
  })

  it("names the key that makes Tab leave the editor as the learner's keyboard shows it", () => {
    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('MacIntel')
    const { unmount } = renderEditor()
    expect(screen.getByTestId('editor-tab-hint').textContent).toContain('⌃M')
    expect(monacoFake.options?.ariaLabel).toBe('Manifest. Tab indents. To leave the editor press Esc then Tab, or ⌃M.')
    unmount()
    monacoFake.mounted = false

    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('Win32')
    renderEditor()
    expect(screen.getByTestId('editor-tab-hint').textContent).toContain('Ctrl+M')
    expect(monacoFake.options?.ariaLabel).toBe('Manifest. Tab indents. To leave the editor press Esc then Tab, or Ctrl+M.')
  })
})
