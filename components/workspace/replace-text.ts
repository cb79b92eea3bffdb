/** When replacing the editor's text (Reset, Load into editor) must ask first. Pure. */

// Line endings and trailing blank space are not the learner's work.
const normalize = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trimEnd()

/**
 * Ask unless the editor holds nothing of the learner's own: empty, the untouched starter, or already exactly the
 * text that would replace it.
 */
export function shouldAskBeforeReplacing(current: string, { starter, incoming }: { starter: string; incoming: string }): boolean {
  const mine = normalize(current)
  if (mine === '') return false
  return mine !== normalize(starter) && mine !== normalize(incoming)
}

/** Whether replacing changes anything worth a "Ctrl+Z brings it back" note. */
export function replacementLosesText(current: string, incoming: string): boolean {
  return normalize(current) !== '' && normalize(current) !== normalize(incoming)
}
