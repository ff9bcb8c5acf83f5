import { readFileSync } from 'fs';
import Ajv, { ValidateFunction } from 'ajv';

const SCHEMA_PATH = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validator: ValidateFunction | undefined;

/**
 * The official SARIF 2.1.0 schema, compiled with ajv's default (draft-07) dialect. The file is
 * draft-04; its only draft-04-specific keyword is the top-level `id`, which becomes `$id`.
 * One `pattern` in it is not valid as a unicode regular expression, hence `unicodeRegExp: false`.
 */
export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && !/\s/.test(value));
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value));
  validator = ajv.compile(schema);
  return validator;
}
