/** Service rules (pkg/apis/core/validation ValidateService). */
import type { FieldPath } from '../field-path.ts'
import type { FieldIssue } from '../field-errors.ts'

export function validateService(specValue: unknown, path: FieldPath, out: FieldIssue[]): void {
  void specValue
  void path
  void out
}
