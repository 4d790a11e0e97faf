/**
 * The `iri` and `iri-reference` JSON Schema formats (RFC 3987), used by STAC 1.1 for link and asset hrefs and
 * extension identifiers; ajv-formats does not provide them.
 *
 * Limits: a structural check, not a full RFC 3987 parser: an IRI is a scheme, a colon and a string without
 * whitespace or control characters; an IRI reference is any such string, scheme optional (relative hrefs).
 * See https://www.rfc-editor.org/rfc/rfc3987#section-2.2
 */
import type { Ajv } from 'ajv';
import type { Ajv2019 } from 'ajv/dist/2019.js';
import type { Ajv2020 } from 'ajv/dist/2020.js';

// Characters RFC 3987 never allows unescaped: controls, space, and the delimiters excluded from IRIs.
// eslint-disable-next-line no-control-regex -- RFC 3987 forbids control characters, so the check must name them
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f<>"{}|\\^`]/u;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** True for an absolute IRI such as `https://example.com/é.json` or `urn:x:y`. */
export function isIri(value: string): boolean {
  return SCHEME.test(value) && !FORBIDDEN.test(value);
}

/** True for an absolute or relative IRI reference such as `./item.json` or `https://example.com/a`. */
export function isIriReference(value: string): boolean {
  return !FORBIDDEN.test(value);
}

/** Registers `iri` and `iri-reference` on an Ajv instance. */
export function addIriFormats(ajv: Ajv | Ajv2019 | Ajv2020): void {
  ajv.addFormat('iri', { type: 'string', validate: isIri });
  ajv.addFormat('iri-reference', { type: 'string', validate: isIriReference });
}
