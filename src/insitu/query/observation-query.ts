/**
 * Backend-neutral queries on observations: a small predicate language (what SensorThings `$filter` needs on
 * Observations), ordering and paging, plus helpers every store uses to evaluate them.
 */

/** Observation fields a predicate may test. `time` is epoch milliseconds. */
export type ObservationField = 'time' | 'value' | 'uncertainty' | 'quality';
export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** A boolean expression over one observation. */
export type ObservationPredicate =
  | {
      readonly kind: 'compare';
      readonly field: ObservationField;
      readonly op: ComparisonOperator;
      readonly value: number;
    }
  | { readonly kind: 'and' | 'or'; readonly left: ObservationPredicate; readonly right: ObservationPredicate }
  | { readonly kind: 'not'; readonly operand: ObservationPredicate }
  | { readonly kind: 'constant'; readonly value: boolean };

/** A query over the observations of some or all datastreams. */
export interface ObservationQuery {
  /** Datastreams to search; all datastreams when absent. */
  readonly datastreamIds?: readonly string[];
  readonly predicate?: ObservationPredicate;
  /** Default: by datastream, then time ascending. */
  readonly orderBy?: readonly { readonly field: 'time' | 'value'; readonly descending: boolean }[];
  readonly offset?: number;
  readonly limit: number;
  /** Also count every match (costs a full scan of the selected datastreams when a predicate is given). */
  readonly count?: boolean;
}

/** One observation with the datastream it belongs to. `uncertainty` NaN when unknown. */
export interface ObservationRow {
  readonly datastreamId: string;
  readonly time: number;
  readonly value: number;
  readonly uncertainty: number;
  readonly quality: number;
}

export interface ObservationPage {
  readonly rows: ObservationRow[];
  readonly count?: number;
}

/** Compiles a predicate to a function of one observation's fields. NaN compares false, except with `ne`. */
export function compilePredicate(
  predicate: ObservationPredicate | undefined,
): (time: number, value: number, uncertainty: number, quality: number) => boolean {
  if (predicate === undefined) return () => true;
  const fieldIndex: Record<ObservationField, number> = { time: 0, value: 1, uncertainty: 2, quality: 3 };
  const compile = (p: ObservationPredicate): ((fields: number[]) => boolean) => {
    switch (p.kind) {
      case 'constant':
        return () => p.value;
      case 'not': {
        const operand = compile(p.operand);
        return (f) => !operand(f);
      }
      case 'and': {
        const [left, right] = [compile(p.left), compile(p.right)];
        return (f) => left(f) && right(f);
      }
      case 'or': {
        const [left, right] = [compile(p.left), compile(p.right)];
        return (f) => left(f) || right(f);
      }
      case 'compare': {
        const index = fieldIndex[p.field];
        const v = p.value;
        switch (p.op) {
          case 'eq':
            return (f) => f[index] === v;
          case 'ne':
            return (f) => f[index] !== v;
          case 'gt':
            return (f) => f[index] > v;
          case 'ge':
            return (f) => f[index] >= v;
          case 'lt':
            return (f) => f[index] < v;
          case 'le':
            return (f) => f[index] <= v;
        }
      }
    }
  };
  const test = compile(predicate);
  const fields = [0, 0, 0, 0];
  return (time, value, uncertainty, quality) => {
    fields[0] = time;
    fields[1] = value;
    fields[2] = uncertainty;
    fields[3] = quality;
    return test(fields);
  };
}

/**
 * The time interval [start, end] (epoch ms) outside which the predicate is certainly false, so stores can
 * read only the blocks that matter. Conservative: returns unbounded sides when it cannot tell.
 */
export function timeBounds(predicate: ObservationPredicate | undefined): { start: number; end: number } {
  const all = { start: -Infinity, end: Infinity };
  if (predicate === undefined) return all;
  switch (predicate.kind) {
    case 'compare': {
      if (predicate.field !== 'time') return all;
      const v = predicate.value;
      switch (predicate.op) {
        case 'eq':
          return { start: v, end: v };
        case 'gt':
        case 'ge':
          return { start: v, end: Infinity };
        case 'lt':
        case 'le':
          return { start: -Infinity, end: v };
        case 'ne':
          return all;
      }
      return all;
    }
    case 'and': {
      const [a, b] = [timeBounds(predicate.left), timeBounds(predicate.right)];
      return { start: Math.max(a.start, b.start), end: Math.min(a.end, b.end) };
    }
    case 'or': {
      const [a, b] = [timeBounds(predicate.left), timeBounds(predicate.right)];
      return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
    }
    case 'constant':
      return predicate.value ? all : { start: Infinity, end: -Infinity };
    case 'not':
      return all;
  }
}
