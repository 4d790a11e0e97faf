/**
 * Streams STAC objects from newline-delimited JSON (one item or collection per line), local or over http(s).
 * Memory stays flat whatever the file size. See https://github.com/ndjson/ndjson-spec
 */
import { createInterface } from 'node:readline';
import { parseJsonText } from './json-text-parser.js';
import { displayLocation, openByteStream } from './resource-location.js';
import { notStacMessage, stacObjectKind, type StacSourceEntry } from './stac-source-entry.js';
import type { ReadProgress } from './stac-source-reader.js';

/**
 * Yields one entry per non-blank line: the object with its `file:line`, or a problem for a line that is not
 * JSON or not a STAC item/collection/catalog. A FeatureCollection on one line yields its features.
 */
export async function* readNdjson(
  url: URL,
  progress?: ReadProgress,
  signal?: AbortSignal,
): AsyncGenerator<StacSourceEntry> {
  const location = displayLocation(url);
  const { stream, totalBytes, bytesRead } = await openByteStream(url, signal);
  if (progress) progress.bytesTotal = (progress.bytesTotal ?? 0) + (totalBytes ?? 0);
  const bytesBefore = progress?.bytesRead ?? 0;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber++;
      if (progress) progress.bytesRead = bytesBefore + bytesRead();
      if (text.trim() === '') continue;
      const origin = { location, line: lineNumber };
      const parsed = parseJsonText(text);
      if (!parsed.ok) {
        yield { kind: 'problem', origin: { ...origin, column: parsed.column }, message: parsed.message };
        continue;
      }
      const kind = stacObjectKind(parsed.value);
      if (kind === undefined) {
        yield { kind: 'problem', origin, message: notStacMessage(parsed.value) };
      } else if (kind === 'item-collection') {
        const features = (parsed.value as { features?: unknown }).features;
        if (!Array.isArray(features)) {
          yield { kind: 'problem', origin, message: 'FeatureCollection without a "features" array' };
          continue;
        }
        for (const [index, feature] of features.entries()) {
          yield {
            kind: 'item',
            object: feature as Record<string, unknown>,
            origin: { ...origin, pointer: `/features/${index}` },
          };
        }
      } else {
        yield { kind, object: parsed.value as Record<string, unknown>, origin };
      }
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}
