/**
 * Bundles the terminal test page (harness.tsx), the simulator worker and their CSS and fonts into `outDir`,
 * and serves them over HTTP on a free port. No network: everything comes from this repository and node_modules.
 */
import { createServer, type Server } from 'node:http'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '../..')
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Terminal harness</title>
<link rel="stylesheet" href="/globals.css"><link rel="stylesheet" href="/harness.css"></head>
<body><div id="root"></div><script type="module" src="/harness.js"></script></body></html>`

export async function buildHarness(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true })
  const common = {
    bundle: true,
    minify: false,
    sourcemap: false,
    absWorkingDir: root,
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff2': 'file', '.woff': 'file' } as const,
    logLevel: 'error' as const,
  }
  await build({
    ...common,
    entryPoints: { harness: 'e2e/terminal-harness/harness.tsx' },
    outdir: outDir,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    assetNames: 'fonts/[name]',
  })
  await build({
    ...common,
    entryPoints: { 'sim.worker': 'components/simulator/sim.worker.ts' },
    outdir: outDir,
    format: 'iife',
    platform: 'browser',
  })
  // the app's own tokens and fonts (the terminal reads --bg-soft, --fg, --accent)
  await writeFile(join(outDir, 'globals.css'), await readFile(join(root, 'app/globals.css')))
  await writeFile(join(outDir, 'index.html'), PAGE)
}

export function serveHarness(outDir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const file = join(outDir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(outDir)) return void res.writeHead(403).end()
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  )
}
