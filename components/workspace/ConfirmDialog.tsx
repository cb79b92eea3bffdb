'use client'
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'

export interface ConfirmRequest {
  title: string
  message: string
  confirmLabel: string
  /** Without one the dialog is a notice: a single button, and Esc answers false. */
  cancelLabel?: string
}

/**
 * An in-page confirm as a native modal `<dialog>`: focus moves into it (to the confirming button), Tab stays
 * inside, Esc cancels, and focus returns to where it was. `confirm()` resolves true or false.
 */
export function useConfirm(): { dialog: ReactNode; confirm(request: ConfirmRequest): Promise<boolean> } {
  const [request, setRequest] = useState<(ConfirmRequest & { resolve(answer: boolean): void }) | null>(null)
  const confirm = useCallback(
    (next: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        setRequest((open) => {
          open?.resolve(false) // a second request replaces one still open
          return { ...next, resolve }
        })
      }),
    [],
  )
  const answer = useCallback(
    (value: boolean) => {
      request?.resolve(value)
      setRequest(null)
    },
    [request],
  )
  return { dialog: request ? <ConfirmDialog request={request} onAnswer={answer} /> : null, confirm }
}

function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest; onAnswer(value: boolean): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)
  const id = useId()
  const answered = useRef(false)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    dialog.showModal()
    // showModal focuses the first button; the confirming one is meant (the replacement can be undone).
    confirmButton.current?.focus()
    return () => {
      if (dialog.open) dialog.close()
      // Confirming moves focus on purpose (into the editor); cancelling goes back to the button that asked.
      if (!answered.current || document.activeElement === document.body) returnTo?.focus()
    }
  }, [])

  const reply = (value: boolean) => {
    answered.current = value
    onAnswer(value)
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault()
        reply(false)
      }}
    >
      <h2 id={`${id}-title`}>{request.title}</h2>
      <p id={`${id}-message`}>{request.message}</p>
      <div className="confirm-actions">
        {request.cancelLabel && (
          <button type="button" className="button" onClick={() => reply(false)}>
            {request.cancelLabel}
          </button>
        )}
        <button type="button" className="button primary" ref={confirmButton} onClick={() => reply(true)}>
          {request.confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
