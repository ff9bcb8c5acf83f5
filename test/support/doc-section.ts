// Documentation sections that tests keep in sync with measured results. A section is delimited by
// `<!-- BEGIN <name> -->` and `<!-- END <name> -->` so the rest of the document stays free prose.
import { existsSync, readFileSync } from 'node:fs';

/** The text between the markers of `name` in `file`; throws naming the file and the markers when absent. */
export function docSection(file: string, name: string): string {
  if (!existsSync(file)) throw new Error(`${file} does not exist; it must contain a section <!-- BEGIN ${name} --> ... <!-- END ${name} -->`);
  const text = readFileSync(file, 'utf8');
  const begin = `<!-- BEGIN ${name} -->`;
  const end = `<!-- END ${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no section ${begin} ... ${end}`);
  return text.slice(from + begin.length, to);
}

/** Control Tower control ids (`CT.ECS.PR.2`) named in the first column of the section's table rows. */
export function controlIdsInTable(section: string): string[] {
  return section
    .split('\n')
    .map((line) => /^\|\s*`?(CT\.[A-Z]+\.PR\.\d+)`?\s*\|/.exec(line.trim())?.[1])
    .filter((id): id is string => id !== undefined);
}
