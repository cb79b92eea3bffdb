#!/usr/bin/env -S npx tsx
/**
 * The `kubelab` command line: `npm run -s kubelab -- <command> [args]`.
 * Each command lives in lib/cli/<command>.ts and exports `run(args): Promise<number>` (the exit code).
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
