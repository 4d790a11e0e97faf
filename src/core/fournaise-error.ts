/**
 * Base class of every domain error. Capability code throws these with a stable `code`;
 * `src/api/errors.ts` maps each code to an HTTP status in one table, and docs/ERRORS.md documents them.
 */
export class FournaiseError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Where the problem is: a parameter name, a JSON pointer, `file:line:column`. */
    readonly location?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
