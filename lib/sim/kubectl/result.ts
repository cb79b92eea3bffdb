/** What every command returns: success and kubectl's combined stdout/stderr text. */
export interface CommandResult {
  ok: boolean
  output: string
}
