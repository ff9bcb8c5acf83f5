// Lists the CloudFormation templates of a cloud assembly, so cfn-guard gets template files and never the
// directory itself (see cfn-guard.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `*.template.json` under `dir`, nested assemblies (stages) included, sorted. */
export function assemblyTemplateFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...assemblyTemplateFiles(path));
    else if (entry.name.endsWith('.template.json')) found.push(path);
  }
  return found.sort();
}
