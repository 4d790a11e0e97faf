/**
 * What the ingest readers produce: STAC objects with where they came from, or a problem found while reading.
 */

/** Where an object (or a problem) was found. */
export interface StacOrigin {
  /** File path or URL of the document. */
  location: string;
  /** 1-based line, for NDJSON and for JSON syntax errors. */
  line?: number;
  /** 1-based column, for JSON syntax errors. */
  column?: number;
  /** JSON pointer of the object inside its document, e.g. `/features/3`. */
  pointer?: string;
}

/** The kind of STAC object, from its `type` member. */
export type StacObjectKind = 'item' | 'collection' | 'catalog';

export type StacSourceEntry =
  | {
      kind: StacObjectKind;
      object: Record<string, unknown>;
      origin: StacOrigin;
      /** Id of the nearest collection this object was found under in a static catalog. */
      parentCollectionId?: string;
    }
  | { kind: 'problem'; origin: StacOrigin; message: string };

/** Formats an origin as `file:line:column` or `url#/pointer`, the form editors and terminals link to. */
export function formatOrigin(origin: StacOrigin): string {
  let text = origin.location;
  if (origin.line !== undefined) text += `:${origin.line}`;
  if (origin.column !== undefined) text += `:${origin.column}`;
  if (origin.pointer) text += `#${origin.pointer}`;
  return text;
}

/** Classifies a parsed JSON value by its STAC `type`; undefined when it is not a STAC object. */
export function stacObjectKind(value: unknown): StacObjectKind | 'item-collection' | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  switch ((value as { type?: unknown }).type) {
    case 'Feature':
      return 'item';
    case 'Collection':
      return 'collection';
    case 'Catalog':
      return 'catalog';
    case 'FeatureCollection':
      return 'item-collection';
    default:
      return undefined;
  }
}

/** The message for a value that is not a STAC object. */
export function notStacMessage(value: unknown): string {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return type === undefined
    ? 'not a STAC object: no "type" member (expected Feature, Collection, Catalog or FeatureCollection)'
    : `not a STAC object: "type" is ${JSON.stringify(type)} (expected Feature, Collection, Catalog or FeatureCollection)`;
}
