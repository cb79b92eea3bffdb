/** Moved to lib/testing/corpus.ts, the tests' one home for shared inputs; lib/k8s's tests still import it from here. */
export { exerciseSources, fixtures, handWritten, lineEdits, mutations, type LineEdit } from '../../testing/corpus.ts'
