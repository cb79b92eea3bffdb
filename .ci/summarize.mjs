// Sums Vitest's and Playwright's JSON reports into the one line CI reads: "N passed, N failed".
// A failed non-test step (type check, content check, an install) counts as one failure each.
import { existsSync, readFileSync } from 'node:fs'

const [unitFile, e2eFile, failedStepCount = '0', failedSteps = ''] = process.argv.slice(2)
let passed = 0
let failed = Number(failedStepCount)
let skipped = 0

function read(file) {
  if (!existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const unit = read(unitFile)
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + unit.numTodoTests
  console.log(`unit/integration: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`)
  if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) failed += unit.numFailedTestSuites // a file that failed to load
} else {
  console.log('unit/integration: no report (the suite did not run)')
  failed += 1
}

const e2e = read(e2eFile)
if (e2e) {
  const s = e2e.stats
  passed += s.expected + s.flaky
  failed += s.unexpected
  skipped += s.skipped
  console.log(`end-to-end: ${s.expected + s.flaky} passed (${s.flaky} after a retry), ${s.unexpected} failed`)
} else {
  console.log('end-to-end: no report (the suite did not run)')
  failed += 1
}
if (failedSteps) console.log(`failed steps: ${failedSteps}`)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
