/**
 * Said in the window when the signed-in learner's stored work changed outside the page's own components (the
 * visitor import in the layout): the lesson and course pages ask the server again. Their text is prerendered, so a
 * router refresh alone would not show it (ADR 0018).
 */
export const learnerWorkChanged = 'kubelab:learner-work-changed'

export function announceLearnerWorkChanged(): void {
  window.dispatchEvent(new Event(learnerWorkChanged))
}
