import { describe, expect, it } from 'vitest'
import { replacementLosesText, shouldAskBeforeReplacing } from './replace-text'

const starter = 'apiVersion: apps/v1\nkind: Deployment\n'
const snippet = 'apiVersion: v1\nkind: Pod\n'

describe('asking before the editor is replaced', () => {
  it('does not ask when nothing of the learner would be lost', () => {
    expect(shouldAskBeforeReplacing(starter, { starter, incoming: snippet })).toBe(false)
    expect(shouldAskBeforeReplacing(snippet, { starter, incoming: snippet })).toBe(false)
    expect(shouldAskBeforeReplacing('', { starter, incoming: snippet })).toBe(false)
    expect(shouldAskBeforeReplacing('  \n\n', { starter, incoming: snippet })).toBe(false)
  })

  it('ignores line endings and trailing blanks when comparing', () => {
    expect(shouldAskBeforeReplacing('apiVersion: apps/v1  \r\nkind: Deployment', { starter, incoming: snippet })).toBe(false)
  })

  it("asks when the editor holds the learner's own text", () => {
    expect(shouldAskBeforeReplacing(`${starter}spec:\n  replicas: 3\n`, { starter, incoming: snippet })).toBe(true)
    expect(shouldAskBeforeReplacing('kind: Service', { starter, incoming: starter })).toBe(true) // Reset
    // a change inside a line counts
    expect(shouldAskBeforeReplacing(starter.replace('apps/v1', 'apps/v2'), { starter, incoming: snippet })).toBe(true)
  })

  it('notes the replacement only when text was there and it changed', () => {
    expect(replacementLosesText(starter, snippet)).toBe(true)
    expect(replacementLosesText('', snippet)).toBe(false)
    expect(replacementLosesText(snippet, `${snippet}\n`)).toBe(false)
  })
})
