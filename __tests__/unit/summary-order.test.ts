// The job summary leads with the verdict: on a red run the failures come first (expected,
// actual, spec or compose line), then why checks were skipped, and the whole checklist folds
// away in <details>; a green run is the checklist as before. Rendered by cmark-gfm (Debian's
// GitHub-flavoured Markdown), as a reader sees it.
import { execFileSync } from 'node:child_process';
import type { VerifyReport } from '../../src/model/report';
import { renderMarkdown } from '../../src/report/markdown';
import { fixtureReport } from './fixtures/report';

const html = (markdown: string) =>
  execFileSync('cmark-gfm', ['--extension', 'table', '--unsafe'], { input: markdown }).toString();

describe('the job summary of a red run', () => {
  const report = fixtureReport();
  const rendered = html(renderMarkdown(report));

  it('shows the failures, then the skip reasons, then the folded checklist', () => {
    expect(report.result).toBe('fail');
    const at = (needle: string) => rendered.indexOf(needle);
    expect(at('<h3>Failures</h3>')).toBeGreaterThan(at('<h2>'));
    expect(at('<h3>Skipped</h3>')).toBeGreaterThan(at('<h3>Failures</h3>'));
    expect(at('<details><summary>The full checklist</summary>')).toBeGreaterThan(
      at('<h3>Skipped</h3>'),
    );
    const folded = rendered.slice(at('<details>'), at('</details>'));
    expect(folded).toContain('<h3>Infrastructure Services</h3>');
    expect(folded).toContain('<h3>Kafka Topics</h3>');
    expect(rendered.slice(0, at('<details>'))).not.toContain('<h3>Kafka Topics</h3>');
  });

  it('gives each failure its expected, actual and line', () => {
    expect(rendered).toMatch(
      /<td>compact<\/td>\s*<td>delete<\/td>\s*<td>channel-stats: cleanup.policy expected compact, found delete \(infra-spec\.yml:\d+:\d+\)<\/td>/,
    );
    expect(rendered).toContain('<li>⏭ Kafka data persists after restart: --no-persistence</li>');
  });
});

describe('the job summary of a green run', () => {
  const report: VerifyReport = {
    ...fixtureReport(),
    result: 'pass',
    checks: fixtureReport().checks.map((check) => ({ ...check, status: 'pass' as const })),
  };
  const markdown = renderMarkdown(report);

  it('is the checklist, unfolded, with no failures or skip list', () => {
    expect(markdown).toMatch(
      /^## ✅ infra-verify: PASS\n\n\*\*.*\*\*.*\n\n### Infrastructure Services\n/,
    );
    expect(markdown).not.toContain('<details><summary>The full checklist');
    expect(markdown).not.toContain('### Failures');
    expect(markdown).not.toContain('### Skipped');
  });
});
