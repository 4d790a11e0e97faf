/**
 * Runs an async function over a list with bounded concurrency and yields the results in input order, so that
 * fetching many small documents over http overlaps network latency without reordering the output.
 */

/** Yields `fn(input)` for each input, in order, with at most `limit` calls in flight. `fn` must not reject. */
export async function* mapOrdered<T, R>(
  inputs: readonly T[],
  limit: number,
  fn: (input: T) => Promise<R>,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  while (next < inputs.length && pending.length < limit) pending.push(fn(inputs[next++]));
  while (pending.length > 0) {
    const result = await pending.shift()!;
    if (next < inputs.length) pending.push(fn(inputs[next++]));
    yield result;
  }
}
