/**
 * A command exercise is graded by replaying the learner's commands on a fresh copy of the prepared cluster. In the
 * browser the cluster's time follows the clock while the terminal is on screen, so a learner may wait for a
 * replacement Pod instead of typing `wait`; the replay must see the same wait, or it grades a cluster the learner
 * never saw. Each recorded command is therefore preceded by `wait Ns` for the virtual seconds that passed since the
 * previous one (whole seconds; at most ten minutes at a time, which settles anything an exercise sets in motion and
 * keeps an idle tab within the grading budget of virtual time).
 */
export const MAX_ELAPSED_WAIT_SECONDS = 600

/** The commands to submit after `command` ran `elapsedSeconds` of virtual time after the previous recorded one. */
export function withElapsedWait(submitted: readonly string[], command: string, elapsedSeconds: number): string[] {
  const seconds = Math.min(Math.floor(elapsedSeconds), MAX_ELAPSED_WAIT_SECONDS)
  return seconds >= 1 ? [...submitted, `wait ${seconds}s`, command] : [...submitted, command]
}
