/**
 * Encodes classic little-endian TIFF image file directories (TIFF 6.0 §2, "Image File Directory"):
 * a count, 12-byte entries sorted by tag, the next-IFD offset, then the values that do not fit in the
 * 4-byte entry field, each started on a word boundary.
 */

/** TIFF field types used by the writer. */
export const TiffType = { ASCII: 2, SHORT: 3, LONG: 4, DOUBLE: 12 } as const;
export type TiffTypeCode = (typeof TiffType)[keyof typeof TiffType];

/** One directory entry; ASCII values are strings (the NUL terminator is added). */
export interface TiffEntry {
  tag: number;
  type: TiffTypeCode;
  values: number[] | string;
}

const TYPE_SIZE: Record<TiffTypeCode, number> = { 2: 1, 3: 2, 4: 4, 12: 8 };

function valueCount(entry: TiffEntry): number {
  return typeof entry.values === 'string' ? entry.values.length + 1 : entry.values.length;
}

function externalSize(entry: TiffEntry): number {
  const size = valueCount(entry) * TYPE_SIZE[entry.type];
  return size <= 4 ? 0 : size + (size % 2);
}

/** Bytes taken by an IFD and its out-of-line values. */
export function ifdByteLength(entries: TiffEntry[]): number {
  return 2 + entries.length * 12 + 4 + entries.reduce((sum, entry) => sum + externalSize(entry), 0);
}

/** Byte offset, inside the IFD written at `ifdOffset`, of the out-of-line values of entry `tag`. */
export function externalValueOffset(entries: TiffEntry[], ifdOffset: number, tag: number): number {
  let offset = ifdOffset + 2 + entries.length * 12 + 4;
  for (const entry of sortByTag(entries)) {
    if (entry.tag === tag) return offset;
    offset += externalSize(entry);
  }
  throw new RangeError(`tag ${tag} is not in the directory`);
}

/** Writes the IFD at `ifdOffset` of `view`, linking it to the IFD at `nextIfdOffset` (0 for the last one). */
export function writeIfd(
  view: DataView,
  ifdOffset: number,
  entries: TiffEntry[],
  nextIfdOffset: number,
): void {
  const sorted = sortByTag(entries);
  view.setUint16(ifdOffset, sorted.length, true);
  let external = ifdOffset + 2 + sorted.length * 12 + 4;
  sorted.forEach((entry, index) => {
    const at = ifdOffset + 2 + index * 12;
    view.setUint16(at, entry.tag, true);
    view.setUint16(at + 2, entry.type, true);
    view.setUint32(at + 4, valueCount(entry), true);
    if (externalSize(entry) === 0) {
      writeValues(view, at + 8, entry);
    } else {
      view.setUint32(at + 8, external, true);
      writeValues(view, external, entry);
      external += externalSize(entry);
    }
  });
  view.setUint32(ifdOffset + 2 + sorted.length * 12, nextIfdOffset, true);
}

function sortByTag(entries: TiffEntry[]): TiffEntry[] {
  return [...entries].sort((a, b) => a.tag - b.tag);
}

function writeValues(view: DataView, offset: number, entry: TiffEntry): void {
  if (typeof entry.values === 'string') {
    for (let i = 0; i < entry.values.length; i++)
      view.setUint8(offset + i, entry.values.charCodeAt(i) & 0x7f);
    view.setUint8(offset + entry.values.length, 0);
    return;
  }
  entry.values.forEach((value, i) => {
    if (entry.type === TiffType.SHORT) view.setUint16(offset + i * 2, value, true);
    else if (entry.type === TiffType.LONG) view.setUint32(offset + i * 4, value, true);
    else view.setFloat64(offset + i * 8, value, true);
  });
}
