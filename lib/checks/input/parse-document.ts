import { parseCloudFormationYaml } from './cloudformation-yaml';

/** A file's content, parsed. `syntax` says which parser accepted it, for messages. */
export interface ParsedDocument {
  readonly syntax: 'JSON' | 'YAML';
  readonly value: unknown;
  /** The decoded text, kept for locating resources by line. */
  readonly text: string;
}

/** Why content could not be parsed; phrased to follow `<file>: `. */
export class UnparsableContentError extends Error {}

/**
 * Parses file content as JSON or YAML, deciding by content rather than by file extension:
 * content that starts like JSON (`{` or `[`) is JSON, anything else is YAML.
 */
export function parseDocument(bytes: Uint8Array): ParsedDocument {
  const text = decodeText(bytes);
  if (text.trim() === '') throw new UnparsableContentError('empty file');

  const firstChar = text.trimStart()[0];
  if (firstChar === '{' || firstChar === '[') {
    try {
      return { syntax: 'JSON', value: JSON.parse(text), text };
    } catch (error) {
      throw new UnparsableContentError(`not JSON or YAML: ${describeJsonError(text, error)}`);
    }
  }

  const result = parseCloudFormationYaml(text);
  if (!result.ok) {
    const { message, line, column } = result.problem;
    throw new UnparsableContentError(`not JSON or YAML: ${message}${line !== undefined ? ` at ${line}:${column}` : ''}`);
  }
  if (result.value === null || typeof result.value !== 'object') {
    throw new UnparsableContentError('not JSON or YAML: plain text without a mapping at the top level');
  }
  return { syntax: 'YAML', value: result.value, text };
}

function decodeText(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new UnparsableContentError(`not JSON or YAML: binary content (NUL byte at offset ${nul})`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnparsableContentError('not JSON or YAML: binary content (not valid UTF-8)');
  }
  // TextDecoder already drops a leading byte-order mark (ignoreBOM is false by default).
  return text;
}

/**
 * V8's JSON messages name a character position (or say the input ended); turn that into
 * line:column. Some messages quote the input, which may hold a credential: that part is dropped.
 */
function describeJsonError(text: string, error: unknown): string {
  const full = (error as Error)?.message ?? String(error);
  const message = firstLine(/ is not valid JSON$/.test(full) ? full.replace(/, (\.\.\.)?".*$/s, '') : full);
  const atPosition = / at position (\d+)/.exec(message);
  const endOfInput = /^Unexpected end of JSON input/.test(message);
  const reason = message
    .replace(/( in JSON)? at position \d+.*$/, '')
    .replace(/^Unexpected end of JSON input$/, 'unexpected end of JSON input (truncated?)');
  const offset = atPosition ? Number(atPosition[1]) : endOfInput ? text.length : undefined;
  if (offset === undefined) return reason;
  const { line, column } = lineAndColumn(text, offset);
  const truncated = !endOfInput && offset >= text.trimEnd().length ? ' (the file ends early: truncated?)' : '';
  return `${reason} at ${line}:${column}${truncated}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(offset, text.length));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
