/**
 * The arithmetic operators of CQL2 on numbers, with SQL semantics for the corner cases so that the
 * evaluator and SQLite agree: division by zero gives null, `%` keeps the sign of the dividend, `div`
 * truncates toward zero. See OGC 21-065r2 clause 7.10 (Arithmetic expressions).
 */
export const arithmetic: Record<string, (a: number, b: number) => number | null> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? null : a / b),
  '%': (a, b) => (b === 0 ? null : a % b),
  div: (a, b) => (b === 0 ? null : Math.trunc(a / b)),
  '^': (a, b) => a ** b,
};
