#!/usr/bin/env -S npx tsx
/**
 * The `kubelab` command line: `npm run -s kubelab -- <command> [args]`.
 * Each command lives in lib/cli/<command>.ts and exports `run(args, io): Promise<number>` (the exit code); its
 * arguments go through lib/cli/args.ts (node:util parseArgs, strict), so --help and usage errors read the same in all.
 * Exit codes across commands: 0 success, 1 the input failed (invalid / not passed), 2 usage or I/O error.
 */
import { runCli } from '../lib/cli/main.ts'

// `kubelab content list | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`kubelab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exitCode = 2
  },
)
