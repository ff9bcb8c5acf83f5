/**
 * Regenerates docs/RULES.md from the rule catalogue (projen task `rules:docs`).
 * test/checks/report/rules-doc.test.ts fails when the committed file is out of date.
 */
import { writeFileSync } from 'fs';
import * as path from 'path';
import { ALL_RULES } from '../lib/checks/catalogue';
import { formatRulesMarkdown } from '../lib/checks/report/rules-format';

const target = path.join(__dirname, '..', 'docs', 'RULES.md');
writeFileSync(target, formatRulesMarkdown(ALL_RULES));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)} (${ALL_RULES.length} rules)\n`);
