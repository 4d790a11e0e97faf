/**
 * Loads one JSON document and turns every failure into a located problem instead of an exception.
 */
import { FournaiseError } from '../../core/fournaise-error.js';
import { parseJsonText } from './json-text-parser.js';
import { displayLocation, readTextResource } from './resource-location.js';
import type { StacSourceEntry } from './stac-source-entry.js';

export type LoadedDocument =
  | { ok: true; value: unknown; text: string }
  | { ok: false; problem: Extract<StacSourceEntry, { kind: 'problem' }> };

/** Reads and parses a JSON document; a missing file, HTTP error or syntax error becomes a problem entry. */
export async function loadJsonDocument(url: URL, signal?: AbortSignal): Promise<LoadedDocument> {
  const location = displayLocation(url);
  let text: string;
  try {
    text = await readTextResource(url, signal);
  } catch (error) {
    if (!(error instanceof FournaiseError)) throw error;
    return { ok: false, problem: { kind: 'problem', origin: { location }, message: error.message } };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return {
      ok: false,
      problem: {
        kind: 'problem',
        origin: { location, line: parsed.line, column: parsed.column },
        message: parsed.message,
      },
    };
  }
  return { ok: true, value: parsed.value, text };
}
