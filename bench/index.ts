/**
 * `npm run bench [-- FILTER…]`: runs every bench/*.bench.ts (each exports `run(): Promise<void>` and prints its
 * own lines). With filters, only files whose name contains one of them.
 */
import { readdirSync } from 'node:fs'

const dir = new URL('./', import.meta.url)
const filters = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()

for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { run?: () => Promise<void> }
  if (typeof mod.run !== 'function') {
    console.error(`bench/${file}: no exported run()`)
    process.exitCode = 1
    continue
  }
  console.log(`\n# ${file}`)
  await mod.run()
}
