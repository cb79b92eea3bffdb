// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useConfirm, type ConfirmRequest } from './ConfirmDialog'

const replace: ConfirmRequest = {
  title: 'Replace your YAML?',
  message: 'The solution replaces it.',
  confirmLabel: 'Replace',
  cancelLabel: 'Keep mine',
}
const reset: ConfirmRequest = {
  title: 'Reset the cluster?',
  message: 'Everything you created goes.',
  confirmLabel: 'Reset',
  cancelLabel: 'Cancel',
}

/** A page with a button per request; `answers` lists each request's answer as it arrives. */
function renderPage() {
  const answers: string[] = []
  function Page() {
    const { dialog, confirm } = useConfirm()
    const ask = (request: ConfirmRequest) => void confirm(request).then((answer) => answers.push(`${request.confirmLabel}: ${answer}`))
    return (
      <>
        <button onClick={() => ask(replace)}>ask to replace</button>
        <button onClick={() => ask(reset)}>ask to reset</button>
        {dialog}
      </>
    )
  }
  render(<Page />)
  return { answers }
}

/** Lets the answered promises' callbacks run. */
const settle = () => act(async () => {})

afterEach(cleanup)

describe('useConfirm', () => {
  it('shows the request in a modal dialog, focused on the confirming button, and answers true when it is pressed', async () => {
    const { answers } = renderPage()
    fireEvent.click(screen.getByText('ask to replace'))
    const dialog = screen.getByTestId('confirm-dialog') as HTMLDialogElement
    expect(dialog.open).toBe(true)
    expect(screen.getByRole('heading').textContent).toBe('Replace your YAML?')
    expect(document.activeElement).toBe(screen.getByText('Replace'))

    fireEvent.click(screen.getByText('Replace'))
    await settle()
    expect(answers).toEqual(['Replace: true'])
    expect(screen.queryByTestId('confirm-dialog')).toBeNull()
  })

  it('answers false to the cancel button and to Esc, and gives focus back to the button that asked', async () => {
    const { answers } = renderPage()
    const asker = screen.getByText('ask to replace')
    asker.focus()
    fireEvent.click(asker)
    fireEvent.click(screen.getByText('Keep mine'))
    await settle()
    expect(document.activeElement).toBe(asker)

    fireEvent.click(asker)
    fireEvent(screen.getByTestId('confirm-dialog'), new Event('cancel', { cancelable: true }))
    await settle()
    expect(answers).toEqual(['Replace: false', 'Replace: false'])
    expect(screen.queryByTestId('confirm-dialog')).toBeNull()
  })

  it('replaces a request still open with a second one: the first answers false, the dialog then answers the second', async () => {
    const { answers } = renderPage()
    fireEvent.click(screen.getByText('ask to replace'))
    fireEvent.click(screen.getByText('ask to reset'))
    await settle()
    expect(answers).toEqual(['Replace: false'])
    expect(screen.getByRole('heading').textContent).toBe('Reset the cluster?')

    fireEvent.click(screen.getByText('Reset'))
    await settle()
    expect(answers).toEqual(['Replace: false', 'Reset: true'])
  })
})
