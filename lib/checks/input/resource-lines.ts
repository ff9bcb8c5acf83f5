/**
 * Finds the line on which each resource of a template is declared, so SARIF results and
 * editors can point at it. One pass over the text: after the `Resources` key, the keys at the
 * indentation of the first resource are the logical ids. Minified JSON puts everything on line 1.
 */
export function resourceLines(text: string, logicalIds: Iterable<string>): Map<string, number> {
  const wanted = new Set(logicalIds);
  const found = new Map<string, number>();
  const lines = text.split('\n');
  const keyPattern = /^(\s*)(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_:.-]+))\s*:/;
  let inResources = false;
  let resourceIndent: number | undefined;
  for (let index = 0; index < lines.length && found.size < wanted.size; index++) {
    const match = keyPattern.exec(lines[index].replace(/^\s*\{\s*/, (m) => ' '.repeat(m.length)));
    if (!match) continue;
    const indent = match[1].length;
    const key = match[2] ?? match[3] ?? match[4];
    if (!inResources) {
      if (key === 'Resources') inResources = true;
      continue;
    }
    if (resourceIndent === undefined) resourceIndent = indent;
    if (indent < resourceIndent) break;
    if (indent === resourceIndent && wanted.has(key) && !found.has(key)) found.set(key, index + 1);
  }
  for (const id of wanted) if (!found.has(id)) found.set(id, 1);
  return found;
}
