/**
 * Reads the `ENV` and `ARG` assignments of a Dockerfile, the way the Docker builder
 * tokenizes them: parser directives (`# escape=`), line continuations, comment lines
 * inside continuations, quoting, the `KEY=value` form with several pairs per line, and
 * the legacy `ENV KEY value with spaces` form.
 *
 * Only names and values are extracted; deciding whether one looks like a credential is
 * the rule engine's job (one copy of each rule).
 */

/** One variable set by an `ENV` or `ARG` instruction. */
export interface DockerfileAssignment {
  readonly instruction: 'ENV' | 'ARG';
  readonly name: string;
  /** The value, or undefined for an `ARG` without a default. */
  readonly value: string | undefined;
  /** 1-based line number where the instruction starts. */
  readonly line: number;
}

interface LogicalLine {
  readonly text: string;
  readonly line: number;
}

const DEFAULT_ESCAPE = '\\';

export function parseDockerfileAssignments(dockerfile: string): DockerfileAssignment[] {
  const physical = dockerfile.split(/\r?\n/);
  const escape = escapeCharacter(physical);
  const assignments: DockerfileAssignment[] = [];
  for (const logical of joinContinuations(physical, escape)) {
    const match = /^\s*(ENV|ARG)\s+(.*)$/is.exec(logical.text);
    if (!match) continue;
    const instruction = match[1].toUpperCase() as 'ENV' | 'ARG';
    const words = splitWords(match[2], escape);
    if (words.length === 0) continue;
    if (instruction === 'ENV' && !words[0].raw.includes('=')) {
      // Legacy form: `ENV NAME the rest of the line is the value`.
      const value = words.slice(1).map((w) => w.text).join(' ');
      assignments.push({ instruction, name: words[0].text, value, line: logical.line });
      continue;
    }
    for (const word of words) {
      const eq = word.text.indexOf('=');
      const name = eq < 0 ? word.text : word.text.slice(0, eq);
      const value = eq < 0 ? undefined : word.text.slice(eq + 1);
      if (name.length > 0) assignments.push({ instruction, name, value, line: logical.line });
    }
  }
  return assignments;
}

/** The `# escape=` parser directive, valid only before the first instruction or ordinary comment. */
function escapeCharacter(lines: string[]): string {
  for (const line of lines) {
    const directive = /^\s*#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
    if (!directive) return DEFAULT_ESCAPE;
    if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return DEFAULT_ESCAPE;
}

/** Joins lines ending in the escape character; comment and blank lines inside a continuation are dropped, as Docker does. */
function joinContinuations(lines: string[], escape: string): LogicalLine[] {
  const logical: LogicalLine[] = [];
  let buffer: string | undefined;
  let start = 0;
  lines.forEach((raw, index) => {
    const isComment = /^\s*#/.test(raw);
    if (buffer === undefined) {
      if (isComment || raw.trim() === '') return;
      buffer = '';
      start = index + 1;
    } else if (isComment || raw.trim() === '') {
      return;
    }
    const trimmed = raw.replace(/\s+$/, '');
    if (trimmed.endsWith(escape)) {
      buffer += trimmed.slice(0, -escape.length);
      return;
    }
    logical.push({ text: buffer + raw, line: start });
    buffer = undefined;
  });
  if (buffer !== undefined && buffer.trim() !== '') logical.push({ text: buffer, line: start });
  return logical;
}

interface Word {
  /** The word after quote removal and unescaping. */
  readonly text: string;
  /** The word as written, to tell `A=1` from `"A=1"` style forms apart. */
  readonly raw: string;
}

/** Splits on unquoted whitespace, removing quotes and escapes like the builder's shell-word lexer. */
function splitWords(input: string, escape: string): Word[] {
  const words: Word[] = [];
  let text = '';
  let raw = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quote === "'") {
      raw += ch;
      if (ch === "'") quote = undefined; else text += ch;
      continue;
    }
    if (ch === escape && i + 1 < input.length) {
      const next = input[i + 1];
      raw += ch + next;
      // Inside double quotes only a few characters are escapable; elsewhere the escape is kept.
      if (quote === '"' && !['"', escape, '$', '`'].includes(next)) text += ch;
      text += next;
      inWord = true;
      i++;
      continue;
    }
    if (quote === '"') {
      raw += ch;
      if (ch === '"') quote = undefined; else text += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      raw += ch;
      inWord = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (inWord) words.push({ text, raw });
      text = '';
      raw = '';
      inWord = false;
      continue;
    }
    text += ch;
    raw += ch;
    inWord = true;
  }
  if (inWord) words.push({ text, raw });
  return words;
}
