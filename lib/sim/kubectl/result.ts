/** What every command returns: success and kubectl's combined stdout/stderr text. */
export interface CommandResult {
  ok: boolean
  output: string
  /** the exit status when `ok` alone does not say it (kubectl diff: 1 = differences found, 2 = an error) */
  exitCode?: number
  /** a simulator limit the terminal may explain in the learner's language, instead of the English output */
  notice?: RunNotice
}

/**
 * `stdinNotSupported`: `-f -`, a here-document or `<` redirection (reading standard input is not simulated yet).
 * `overBudget`: the command met one of the simulator's limits (budget.ts; `cluster.budget.over` says which).
 */
export type RunNotice = 'stdinNotSupported' | 'overBudget'
