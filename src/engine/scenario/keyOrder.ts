// The order of a scenario's fields as the validator writes them. Valibot's objects come out in
// their schema's order, whatever the file's; the shipped-file reader (shipped.ts), which has no
// schema, puts them in the same order from a table (scenarioKeyOrder.ts, generated from the
// schema by keyOrderOf), so its scenarios are the validator's key for key: game records are
// compared byte for byte, and the engine walks some objects (a level's thresholds) in key order.

/** An object's fields in order (each with the order inside it), a list's items, or a variant. */
export type KeyOrder =
  | { fields: readonly (readonly [string] | readonly [string, KeyOrder])[] }
  | { item: KeyOrder }
  | { variant: string; options: Readonly<Record<string, KeyOrder>> };

/** `value` with its objects' keys in `order` (keys the order does not know are kept, last). */
export function inKeyOrder(value: unknown, order: KeyOrder): unknown {
  if ('item' in order)
    return Array.isArray(value) ? value.map((x) => inKeyOrder(x, order.item)) : value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  if ('variant' in order) {
    const option = order.options[String(record[order.variant])];
    return option ? inKeyOrder(value, option) : value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of order.fields)
    if (Object.hasOwn(record, key)) out[key] = inner ? inKeyOrder(record[key], inner) : record[key];
  for (const key of Object.keys(record)) if (!Object.hasOwn(out, key)) out[key] = record[key];
  return out;
}

/** The parts of a valibot schema that say where fields go. */
interface SchemaNode {
  entries?: Record<string, unknown>;
  wrapped?: unknown;
  item?: unknown;
  key?: unknown;
  options?: unknown[];
  literal?: unknown;
}

/** A valibot schema's key order, or null for a value without fields (a number, a text). */
export function keyOrderOf(schema: unknown): KeyOrder | null {
  if (typeof schema !== 'object' || schema === null) return null;
  const node = schema as SchemaNode;
  if (node.wrapped) return keyOrderOf(node.wrapped);
  if (node.entries)
    return {
      fields: Object.entries(node.entries).map(([key, inner]) => {
        const order = keyOrderOf(inner);
        return order ? ([key, order] as const) : ([key] as const);
      }),
    };
  if (node.item) {
    const item = keyOrderOf(node.item);
    return item ? { item } : null;
  }
  if (node.options && typeof node.key === 'string') {
    const key = node.key;
    const options: Record<string, KeyOrder> = {};
    for (const option of node.options) {
      const order = keyOrderOf(option);
      const tag = ((option as SchemaNode).entries?.[key] as SchemaNode | undefined)?.literal;
      if (order && tag !== undefined) options[String(tag)] = order;
    }
    return { variant: key, options };
  }
  return null;
}
