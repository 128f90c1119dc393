/** apparat JSON, the format itself: pretty-printed, naming its schema, fields in the format's order. */
import type { Graph } from '../model/types.ts';
import { inFormatOrder } from './interchange.ts';

export function exportJson(g: Graph, schema = './schema.json'): string {
  const { $schema: _ignored, ...rest } = g;
  return `${JSON.stringify(inFormatOrder({ $schema: schema, ...rest } as Graph), null, 2)}\n`;
}
