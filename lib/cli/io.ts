/**
 * What a `kubelab` command reads and writes, apart from its arguments: its output streams, the environment and
 * standard input. Tests pass their own; bin/kubelab.ts runs with `processIO`. A leaf: the commands and main.ts import
 * it, it imports none of them.
 */
export interface CliIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** the environment the commands that open the database read (DATABASE_URL, SEED_DEMO); process.env by default */
  env?: Record<string, string | undefined>
  /** standard input up to its first line (or its end), for `--password-stdin` */
  readStdin?: () => Promise<string>
}

/** A command: lib/cli/<command>.ts exports `run`, which answers its exit code (0 success, 1 the input failed, 2 usage or I/O). */
export type CommandModule = { run: (args: string[], io: CliIO) => Promise<number> }

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  readStdin: () => readFirstLine(process.stdin),
}

/** The first line of a stream (a typed password ends with Enter), or all of it when it has no newline. */
function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    const done = (value: string) => {
      stream.removeAllListeners('data')
      stream.removeAllListeners('end')
      stream.removeAllListeners('error')
      if ('pause' in stream) stream.pause()
      resolve(value)
    }
    stream.setEncoding?.('utf8')
    stream.on('data', (chunk: string) => {
      text += chunk
      const newline = text.search(/\r?\n/)
      if (newline >= 0) done(text.slice(0, newline))
    })
    stream.on('end', () => done(text))
    stream.on('error', reject)
  })
}
