import { parseDockerfileAssignments } from '../../lib/container/dockerfile-assignments';

function pairs(dockerfile: string): Array<[string, string, string | undefined, number]> {
  return parseDockerfileAssignments(dockerfile).map((a) => [a.instruction, a.name, a.value, a.line]);
}

describe('parseDockerfileAssignments', () => {
  test('reads several KEY=value pairs from one ENV line', () => {
    expect(pairs('FROM node:20\nENV A=1 B=2 C="three four"\n')).toEqual([
      ['ENV', 'A', '1', 2],
      ['ENV', 'B', '2', 2],
      ['ENV', 'C', 'three four', 2],
    ]);
  });

  test('reads the legacy ENV form: the rest of the line is the value', () => {
    expect(pairs('ENV GREETING hello big world')).toEqual([['ENV', 'GREETING', 'hello big world', 1]]);
  });

  test('reads ARG with and without a default, several per line, case-insensitive keyword', () => {
    expect(pairs('arg NPM_TOKEN\nARG VERSION=1.2 CHANNEL=stable')).toEqual([
      ['ARG', 'NPM_TOKEN', undefined, 1],
      ['ARG', 'VERSION', '1.2', 2],
      ['ARG', 'CHANNEL', 'stable', 2],
    ]);
  });

  test('joins line continuations and skips comment lines inside them', () => {
    const dockerfile = [
      'FROM alpine',
      'ENV FIRST=1 \\',
      '    # a comment inside the continuation',
      '',
      '    DB_PASSWORD=hunter2 \\',
      '    LAST=3',
      'RUN echo done',
    ].join('\n');
    expect(pairs(dockerfile)).toEqual([
      ['ENV', 'FIRST', '1', 2],
      ['ENV', 'DB_PASSWORD', 'hunter2', 2],
      ['ENV', 'LAST', '3', 2],
    ]);
  });

  test('honours the escape parser directive (backtick, Windows style)', () => {
    const dockerfile = ['# escape=`', 'FROM mcr.microsoft.com/windows', 'ENV PATH_DIR=C:\\tools `', '    API_KEY=abc'].join('\n');
    expect(pairs(dockerfile)).toEqual([
      ['ENV', 'PATH_DIR', 'C:\\tools', 3],
      ['ENV', 'API_KEY', 'abc', 3],
    ]);
  });

  test('removes quotes and escapes like the builder', () => {
    expect(pairs("ENV A='single $X' B=\"double \\\"q\\\"\" C=esc\\ aped")).toEqual([
      ['ENV', 'A', 'single $X', 1],
      ['ENV', 'B', 'double "q"', 1],
      ['ENV', 'C', 'esc aped', 1],
    ]);
  });

  test('ignores other instructions, comments and ENV-looking text inside RUN', () => {
    expect(pairs('# ENV SECRET=x\nRUN echo ENV TOKEN=y\nLABEL PASSWORD=z\n')).toEqual([]);
  });

  test('inside double quotes, the escape is dropped only before ", the escape itself, $ and a backtick', () => {
    // Docker's shell lexer keeps the escape before any other character inside double quotes (Windows paths).
    expect(pairs('ENV DIR="C:\\tools\\bin" Q="a\\"b" BS="a\\\\b" D="\\$HOME" B="\\`id\\`"')).toEqual([
      ['ENV', 'DIR', 'C:\\tools\\bin', 1],
      ['ENV', 'Q', 'a"b', 1],
      ['ENV', 'BS', 'a\\b', 1],
      ['ENV', 'D', '$HOME', 1],
      ['ENV', 'B', '`id`', 1],
    ]);
  });

  test('with the backtick escape directive, a backslash is an ordinary character and the backtick escapes', () => {
    const dockerfile = ['# escape=`', 'FROM mcr.microsoft.com/windows', 'ENV DIR="C:\\tools" Q="say `"hi`"" K="a`nb" W=two` words'].join('\n');
    expect(pairs(dockerfile)).toEqual([
      ['ENV', 'DIR', 'C:\\tools', 3],
      ['ENV', 'Q', 'say "hi"', 3],
      ['ENV', 'K', 'a`nb', 3],
      ['ENV', 'W', 'two words', 3],
    ]);
  });

  test('reads the escape directive case-insensitively, with spaces, after other directives', () => {
    const dockerfile = ['# syntax=docker/dockerfile:1', '#  ESCAPE = `', 'FROM alpine', 'ENV A=1 `', '    B=2'].join('\n');
    expect(pairs(dockerfile)).toEqual([['ENV', 'A', '1', 4], ['ENV', 'B', '2', 4]]);
  });

  test('ignores an escape directive after a comment or with an unsupported character', () => {
    const afterComment = ['# a comment ends the directives', '# escape=`', 'ENV A=1 \\', '    B=2'].join('\n');
    expect(pairs(afterComment)).toEqual([['ENV', 'A', '1', 3], ['ENV', 'B', '2', 3]]);
    const unsupported = ['# escape=x', 'ENV A=1 \\', '    B=2'].join('\n');
    expect(pairs(unsupported)).toEqual([['ENV', 'A', '1', 2], ['ENV', 'B', '2', 2]]);
  });

  test('an escaped character makes the word non-empty and is kept outside quotes', () => {
    // The first word decides the form: an escape after its `=` keeps it KEY=value, and an escaped space stays in the word.
    expect(pairs('ENV A=x\\ y B=2')).toEqual([['ENV', 'A', 'x y', 1], ['ENV', 'B', '2', 1]]);
    expect(pairs('ENV SIGN \\$')).toEqual([['ENV', 'SIGN', '$', 1]]);
  });

  test('the legacy ENV form drops surrounding whitespace and removes quotes from the value', () => {
    expect(pairs('ENV GREETING   hello   \nENV QUOTED "hello world"\nENV EMPTY')).toEqual([
      ['ENV', 'GREETING', 'hello', 1],
      ['ENV', 'QUOTED', 'hello world', 2],
      ['ENV', 'EMPTY', '', 3],
    ]);
  });

  test('indented instructions are read; a word without a name and an instruction without words are skipped', () => {
    expect(pairs('  ENV A=1\nENV   \nARG =orphan B=2')).toEqual([
      ['ENV', 'A', '1', 1],
      ['ARG', 'B', '2', 3],
    ]);
  });

  test('a # inside an instruction is not a comment, and a comment ending in the escape continues nothing', () => {
    expect(pairs('ENV COLOR=#ffffff\n# see \\\nENV A=1')).toEqual([
      ['ENV', 'COLOR', '#ffffff', 1],
      ['ENV', 'A', '1', 3],
    ]);
  });

  test('whitespace after the escape still continues the line, and a file ending mid-continuation keeps its assignments', () => {
    expect(pairs('ENV A=1 \\   \n    B=2 \\')).toEqual([
      ['ENV', 'A', '1', 1],
      ['ENV', 'B', '2', 1],
    ]);
  });

  test('handles CRLF line endings', () => {
    expect(pairs('FROM a\r\nENV X=1 \\\r\n Y=2\r\n')).toEqual([
      ['ENV', 'X', '1', 2],
      ['ENV', 'Y', '2', 2],
    ]);
  });
});
