/** Small argument reading shared by the CLI commands: flags, `--name value`, `--name=value` and positionals. */
export interface ParsedArgs {
  positionals: string[]
  flags: Set<string>
  options: Map<string, string>
}

export function parseArgs(args: string[], valued: string[] = []): ParsedArgs {
  const positionals: string[] = []
  const flags = new Set<string>()
  const options = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined]
      if (valued.includes(name)) {
        const value = inline ?? args[++i]
        if (value !== undefined) options.set(name, value)
      } else flags.add(name)
    } else positionals.push(arg)
  }
  return { positionals, flags, options }
}
