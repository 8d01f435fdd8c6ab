// The golden files and the renderer of each: the comparing test and the updater share this list.
import { join } from 'node:path';
import type { VerifyReport } from '../../../src/model/report';
import { renderConsole, renderJson, renderJunit, renderMarkdown } from '../../../src/report';

export const GOLDEN_DIR = __dirname;

export const GOLDEN_FILES: { name: string; render: (report: VerifyReport) => string }[] = [
  { name: 'report.console.txt', render: renderConsole },
  { name: 'report.json', render: renderJson },
  { name: 'report.junit.xml', render: renderJunit },
  { name: 'report.md', render: renderMarkdown },
];

export const goldenPath = (name: string): string => join(GOLDEN_DIR, name);
