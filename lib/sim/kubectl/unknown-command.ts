/**
 * kubectl's answer to a command it does not have: cobra's `unknown command "x" for "kubectl"` with its
 * "Did you mean this?" list (spf13/cobra command.go SuggestionsFor: a Levenshtein distance of at most 2, case
 * ignored, or a command name that starts with what was typed), and kubectl's own wording for an unknown
 * subcommand of a command group (kubectl/pkg/cmd/util/helpers.go RequireNoArguments, UsageErrorf).
 */

/** Edit distance (insertions, deletions, substitutions), case ignored as cobra's `ld(…, true)`. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase()
  const t = b.toLowerCase()
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j)
  for (let i = 1; i <= s.length; i++) {
    const row = [i]
    for (let j = 1; j <= t.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[t.length]!
}

/** The commands cobra suggests for a typed name, in name order. */
export function suggestionsFor(typed: string, commands: readonly string[]): string[] {
  return [...commands].sort().filter((c) => levenshtein(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase()))
}

export function unknownCommand(typed: string, commands: readonly string[]): string {
  const suggestions = suggestionsFor(typed, commands)
  const hint = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : ''
  return `error: unknown command "${typed}" for "kubectl"${hint}\nRun 'kubectl --help' for usage.\n`
}

/** `kubectl set foo …`, `kubectl rollout foo …`: the group's DefaultSubCommandRun refuses the arguments. */
export function unknownSubcommand(group: string, args: readonly string[]): string {
  return `error: unknown command "${args.join(' ')}"\nSee 'kubectl ${group} -h' for help and examples\n`
}
