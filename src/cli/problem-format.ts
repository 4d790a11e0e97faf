/**
 * How problems are printed: location first (`file:line` or URL, then the JSON pointer inside the object),
 * so terminals and editors can jump to them.
 */
import type { IngestProblem } from '../catalog/ingest/ingest-types.js';
import { formatOrigin } from '../catalog/ingest/stac-source-entry.js';

/** `file:line#/features/2: item 'x': /properties/datetime: must be string (schema: https://...)` */
export function formatProblem(problem: IngestProblem): string {
  const parts = [formatOrigin(problem.origin)];
  if (problem.objectId !== undefined) parts.push(`'${problem.objectId}'`);
  if (problem.path !== undefined) parts.push(problem.path === '' ? '(object)' : problem.path);
  const schema = problem.schema ? ` (schema: ${problem.schema})` : '';
  return `${parts.join(': ')}: ${problem.message}${schema}`;
}
