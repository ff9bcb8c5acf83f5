import { readFileSync } from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../../../lib/checks/catalogue';
import { formatRulesMarkdown } from '../../../lib/checks/report/rules-format';

test('docs/RULES.md is generated from the rule catalogue (run `npx projen rules:docs` after changing a rule)', () => {
  const committed = readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'RULES.md'), 'utf8');
  const generated = formatRulesMarkdown(ALL_RULES);
  if (committed !== generated) {
    throw new Error('docs/RULES.md is out of date with the rule catalogue: run `npx projen rules:docs` and commit the result.');
  }
  for (const rule of ALL_RULES) expect(committed).toContain(`## ${rule.id} ${rule.name}`);
});
