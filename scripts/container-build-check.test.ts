/**
 * No Docker engine runs in CI, so scripts/container-build-check.sh performs the Dockerfile's steps; these tests keep
 * the two from drifting: the runtime stage's COPY lines equal the script's RUNNER_COPIES, both build the same way,
 * and the image keeps its promises (non-root, production, no demo accounts, health check, the CLI bundle).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const dockerfile = readFileSync('Dockerfile', 'utf8')
const script = readFileSync('scripts/container-build-check.sh', 'utf8')

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function instructions(text: string): string[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
}

function stages(text: string): { name: string; lines: string[] }[] {
  const result: { name: string; lines: string[] }[] = []
  for (const line of instructions(text)) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line)
    if (from) result.push({ name: from[1] ?? '', lines: [] })
    else result.at(-1)?.lines.push(line)
  }
  return result
}

const [buildStage, runtimeStage] = stages(dockerfile)

/** `COPY --from=build /app/x ./y` → `x y` (paths inside /app on both sides, "." for /app itself). */
function dockerCopies(): string[] {
  return runtimeStage!.lines
    .filter((l) => /^COPY\s/i.test(l))
    .map((l) => {
      const parts = l.split(/\s+/).slice(1)
      const flags = parts.filter((p) => p.startsWith('--'))
      const [from, to, ...rest] = parts.filter((p) => !p.startsWith('--'))
      expect(flags, l).toContain('--from=build')
      expect(rest, l).toEqual([])
      const inApp = (p: string) =>
        p
          .replace(/^\/app\//, '')
          .replace(/^\.\//, '')
          .replace(/\/$/, '') || '.'
      return `${inApp(from!)} ${inApp(to!)}`
    })
}

function scriptCopies(): string[] {
  const block = /RUNNER_COPIES=\(\n([\s\S]*?)\n\)/.exec(script)
  expect(block, 'RUNNER_COPIES=( … ) in the script').not.toBeNull()
  return block![1]!
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string)
}

describe('Dockerfile and scripts/container-build-check.sh', () => {
  it('copy the same files into the runtime image, in the same order', () => {
    const copies = dockerCopies()
    expect(copies.length).toBeGreaterThanOrEqual(6)
    expect(scriptCopies()).toEqual(copies)
    // what the brief of the image requires
    for (const needed of [
      '.next/standalone .',
      '.next/static .next/static',
      '.next/kubelab-grading-worker.mjs .next/kubelab-grading-worker.mjs',
      '.next/kubelab-studio-gate-worker.mjs .next/kubelab-studio-gate-worker.mjs',
      'dist/kubelab.mjs dist/kubelab.mjs',
      'content content',
      'prisma/migrations prisma/migrations',
    ]) {
      expect(copies).toContain(needed)
    }
  })

  it('build the same way: npm ci, the standalone build with the worker bundles, the CLI bundle', () => {
    const build = buildStage!.lines.join('\n')
    expect(buildStage!.name).toBe('build')
    for (const step of ['npm ci', 'KUBELAB_STANDALONE=1 npm run build', 'npx tsx scripts/build-cli.ts']) expect(build).toContain(step)
    expect(script).toContain('npm ci')
    expect(script).toMatch(/KUBELAB_STANDALONE=1 (NEXT_TELEMETRY_DISABLED=1 )?npm run build/)
    expect(script).toContain('npx tsx scripts/build-cli.ts')
    // npm run build is next build, the prerendered pages' script hashes (ADR 0018) and the worker bundles (ADR 0013, 0020)
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.build).toBe(
      'next build && tsx scripts/static-pages.ts && tsx scripts/build-workers.ts',
    )
  })

  it('run as a numeric non-root user, in production, without demo accounts, with a health check on /api/health', () => {
    const runtime = runtimeStage!.lines
    const user = runtime.find((l) => l.startsWith('USER '))
    expect(user).toMatch(/^USER 10001:10001$/)
    expect(script).toContain('APP_UID=10001')
    expect(runtime.join('\n')).toMatch(/ENV[^\n]*NODE_ENV=production/)
    expect(dockerfile).not.toMatch(/SEED_DEMO\s*=/)
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toContain("/api/health')")
    expect(runtime.at(-1)).toBe('CMD ["node", "server.js"]')
  })

  it('run with the same environment variables: the ENV lines of the image are what the script sets, nothing more', () => {
    const envLine = runtimeStage!.lines.find((l) => l.startsWith('ENV '))!
    const imageEnv = [...envLine.slice(4).matchAll(/(\w+)=/g)].map((m) => m[1]).sort()
    const runEnv = /run_env=\(env -i ([^)]*)\)/.exec(script)
    expect(runEnv).not.toBeNull()
    const scriptEnv = [...runEnv![1]!.matchAll(/(\w+)=/g)]
      .map((m) => m[1])
      .filter((k) => k !== 'PATH')
      .sort()
    expect(scriptEnv).toEqual(imageEnv)
    expect(imageEnv).toEqual(expect.arrayContaining(['NODE_ENV', 'HOME', 'HOSTNAME', 'PORT', 'DATABASE_URL']))
  })

  it('keep build outputs and local state out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8')
      .split('\n')
      .map((l) => l.trim())
    for (const entry of ['.git', '**/node_modules', '.next', 'dist', 'data', 'lib/server/db/generated']) expect(ignored).toContain(entry)
  })

  it('the script is valid bash', () => {
    expect(() => execFileSync('bash', ['-n', 'scripts/container-build-check.sh'])).not.toThrow()
  })
})
