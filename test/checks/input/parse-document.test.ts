import { lineAndColumn, parseDocument, UnparsableContentError } from '../../../lib/checks/input/parse-document';

const bytes = (text: string) => new TextEncoder().encode(text);

function reasonFor(content: Uint8Array): string {
  try {
    parseDocument(content);
  } catch (error) {
    expect(error).toBeInstanceOf(UnparsableContentError);
    return (error as Error).message;
  }
  throw new Error('expected the content to be refused');
}

describe('parseDocument', () => {
  test('JSON is recognised by its first character, YAML otherwise', () => {
    expect(parseDocument(bytes('  {"Resources": {}}'))).toMatchObject({ syntax: 'JSON', value: { Resources: {} } });
    expect(parseDocument(bytes('Resources: {}\n'))).toMatchObject({ syntax: 'YAML', value: { Resources: {} } });
  });

  test('a list is JSON too, and the decoded text is kept', () => {
    expect(parseDocument(bytes('\n[{"Resources": {}}]\n'))).toEqual({ syntax: 'JSON', value: [{ Resources: {} }], text: '\n[{"Resources": {}}]\n' });
  });

  test('a UTF-8 byte order mark is ignored', () => {
    expect(parseDocument(bytes('\ufeff{"a": 1}')).value).toEqual({ a: 1 });
  });

  test.each([
    ['empty file', '', 'empty file'],
    ['whitespace only', ' \n\t\n', 'empty file'],
    ['truncated JSON', '{\n  "Resources": {', "not JSON or YAML: Expected property name or '}' at 2:17 (the file ends early: truncated?)"],
    ['JSON cut after a value', '{"a": ', 'not JSON or YAML: unexpected end of JSON input (truncated?) at 1:7'],
    ['trailing comma', '{"a": 1,}', 'not JSON or YAML: Expected double-quoted property name at 1:9'],
    ['garbage after JSON', '{"a": 1} x', 'not JSON or YAML: Unexpected non-whitespace character after JSON at 1:10'],
    ['unknown YAML tag', 'Resources:\n  A: !Bogus x\n', 'not JSON or YAML: Unresolved tag: !Bogus at 2:6'],
    ['plain text', 'just some words', 'not JSON or YAML: plain text without a mapping at the top level'],
    ['YAML null', '~\n', 'not JSON or YAML: plain text without a mapping at the top level'],
    ['a YAML problem found without a position', 'Resources: *undefinedAnchor\n', 'not JSON or YAML: Unresolved alias (the anchor must be set before the alias): undefinedAnchor'],
    ['an error well before the end of indented JSON', '          {"a": 1,}', 'not JSON or YAML: Expected double-quoted property name at 1:19'],
    ['truncated JSON followed by blank lines', '{"a": [1, 2\n\n\n', "not JSON or YAML: Expected ',' or ']' after array element at 4:1 (the file ends early: truncated?)"],
  ])('%s', (_, content, expected) => {
    expect(reasonFor(bytes(content))).toBe(expected);
  });

  test('binary content: NUL bytes or invalid UTF-8', () => {
    expect(reasonFor(Uint8Array.from([0x7b, 0x00, 0x7d]))).toBe('not JSON or YAML: binary content (NUL byte at offset 1)');
    expect(reasonFor(Uint8Array.from([0x00, 0x7b, 0x7d]))).toBe('not JSON or YAML: binary content (NUL byte at offset 0)');
    expect(reasonFor(Uint8Array.from([0xff, 0xfe, 0x41]))).toBe('not JSON or YAML: binary content (not valid UTF-8)');
  });

  test.each([
    ['short input', '{"key": AKIAIOSFODNN7EXAMPLE}'],
    ['long input (V8 quotes an excerpt)', `{\n  "padding": "${'x'.repeat(200)}",\n  "key": AKIAIOSFODNN7EXAMPLE,\n  "more": "${'y'.repeat(200)}"\n}`],
  ])('JSON errors never quote the input: %s', (_, text) => {
    expect(reasonFor(bytes(text))).toBe("not JSON or YAML: Unexpected token 'A'");
  });
});

describe('lineAndColumn', () => {
  test('1-based line and column of an offset; offsets past the end stop at the end', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd', 99)).toEqual({ line: 2, column: 3 });
  });
});
