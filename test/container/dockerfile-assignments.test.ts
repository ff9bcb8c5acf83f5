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

  test('handles CRLF line endings', () => {
    expect(pairs('FROM a\r\nENV X=1 \\\r\n Y=2\r\n')).toEqual([
      ['ENV', 'X', '1', 2],
      ['ENV', 'Y', '2', 2],
    ]);
  });
});
