import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS, toErrorResponse } from '../../src/api/errors.js';
import { InvalidSearchError, InvalidStacObjectError } from '../../src/catalog/catalog-errors.js';

const documentation = readFileSync(new URL('../../docs/ERRORS.md', import.meta.url), 'utf8');

describe('error table', () => {
  it.each(Object.entries(ERROR_STATUS))('documents %s with status %i', (code, status) => {
    expect(documentation).toMatch(new RegExp(`^\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`, 'm'));
  });

  it('documents no code that the table lacks', () => {
    const documented = [...documentation.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });

  it('writes domain errors with their code, location and details', () => {
    expect(toErrorResponse(new InvalidSearchError('south 10 is greater than north 1', 'bbox'))).toEqual({
      status: 400,
      body: {
        code: 'CATALOG_INVALID_SEARCH',
        description: 'south 10 is greater than north 1 (at bbox)',
        location: 'bbox',
      },
    });
    const invalid = new InvalidStacObjectError('invalid', [{ path: '/id', message: 'must be string' }]);
    expect(toErrorResponse(invalid).body.details).toEqual([{ path: '/id', message: 'must be string' }]);
  });

  it('hides the message of unexpected failures', () => {
    expect(toErrorResponse(new Error('SQLITE_CORRUPT at /var/lib/x'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL_ERROR', description: 'internal server error' },
    });
  });
});
