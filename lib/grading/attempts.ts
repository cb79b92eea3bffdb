/** What a learner has earned by trying: hints one per failed attempt, the solution after a pass or a few tries. */
export const attemptsBeforeSolution = 3

export function solutionUnlocked(progress: { attempts: number; passed: boolean }): boolean {
  return progress.passed || progress.attempts >= attemptsBeforeSolution
}
