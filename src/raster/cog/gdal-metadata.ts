/**
 * Reads and writes the GDAL_METADATA TIFF tag (42112), an XML list of `<Item name=… sample=… role=…>`
 * elements carrying band descriptions, scale and offset. See https://gdal.org/drivers/raster/gtiff.html#metadata
 */

/** One metadata item; `sample` is the 0-based band for band-level items. */
export interface GdalMetadataItem {
  name: string;
  value: string;
  sample?: number;
  role?: string;
}

const ITEM_PATTERN = /<Item\s+([^>]*?)>([\s\S]*?)<\/Item>/g;
const ATTRIBUTE_PATTERN = /(\w+)\s*=\s*"([^"]*)"/g;

/** Parses the XML; unknown markup is ignored rather than rejected, since the tag is informative only. */
export function parseGdalMetadata(xml: string): GdalMetadataItem[] {
  const items: GdalMetadataItem[] = [];
  for (const [, attributes, value] of xml.matchAll(ITEM_PATTERN)) {
    const fields = Object.fromEntries([...attributes.matchAll(ATTRIBUTE_PATTERN)].map(([, k, v]) => [k, v]));
    if (!fields.name) continue;
    items.push({
      name: unescapeXml(fields.name),
      value: unescapeXml(value.trim()),
      ...(fields.sample !== undefined ? { sample: Number(fields.sample) } : {}),
      ...(fields.role !== undefined ? { role: fields.role } : {}),
    });
  }
  return items;
}

/** Serialises items as GDAL does (`<GDALMetadata>` root, one `<Item>` per line). */
export function formatGdalMetadata(items: GdalMetadataItem[]): string {
  const lines = items.map((item) => {
    const sample = item.sample !== undefined ? ` sample="${item.sample}"` : '';
    const role = item.role !== undefined ? ` role="${escapeXml(item.role)}"` : '';
    return `  <Item name="${escapeXml(item.name)}"${sample}${role}>${escapeXml(item.value)}</Item>`;
  });
  return `<GDALMetadata>\n${lines.join('\n')}\n</GDALMetadata>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
