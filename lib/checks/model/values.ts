import { Opaque } from './opaque';

/**
 * Typed readers for resolved property values. Each returns the literal when the template
 * determines it, `undefined` when the property is absent, and an {@link Opaque} when it cannot
 * be known (so the rule reports "cannot verify" instead of guessing). CloudFormation accepts
 * `"true"` and `"512"` for booleans and numbers, and so do these readers.
 */

export function booleanValue(value: unknown): boolean | undefined | Opaque {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Opaque) return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  return new Opaque('unsupported', JSON.stringify(value), { reason: `expected a boolean, found ${JSON.stringify(value)}` });
}

export function stringValue(value: unknown): string | undefined | Opaque {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Opaque) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return new Opaque('unsupported', JSON.stringify(value), { reason: `expected a string, found ${JSON.stringify(value)}` });
}

export function numberValue(value: unknown): number | undefined | Opaque {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Opaque) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return new Opaque('unsupported', JSON.stringify(value), { reason: `expected a number, found ${JSON.stringify(value)}` });
}

/** A list property. A scalar where a list belongs is malformed and reported as opaque. */
export function listValue(value: unknown): unknown[] | undefined | Opaque {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Opaque) return value;
  if (Array.isArray(value)) return value;
  return new Opaque('unsupported', JSON.stringify(value), { reason: `expected a list, found ${JSON.stringify(value)}` });
}

/** An object property. */
export function recordValue(value: unknown): Record<string, unknown> | undefined | Opaque {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Opaque) return value;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return new Opaque('unsupported', JSON.stringify(value), { reason: `expected an object, found ${JSON.stringify(value)}` });
}

/** Reads a property whose key may be cased differently by hand-written templates (`Readonlyrootfilesystem`). */
export function property(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}
