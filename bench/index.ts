/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run()` and prints its own medians and ratios),
 * or only those whose names contain the arguments: `npm run bench -- sim`.
 */
import { readdirSync } from 'node:fs'

const filters = process.argv.slice(2)
const files = readdirSync(new URL('./', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort()

console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`)
for (const file of files) {
  console.log(`── ${file} ${'─'.repeat(Math.max(0, 60 - file.length))}`)
  const mod = (await import(`./${file}`)) as { run: () => Promise<void> }
  await mod.run()
  console.log()
}
