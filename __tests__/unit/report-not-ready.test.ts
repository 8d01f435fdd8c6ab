// A stack that did not come up fails the run even when every check passed or was skipped (say
// `up` errored on a taken port while another stack answered): each report must say FAIL, as the
// exit code and the Action's result do.
import { resultOf } from '../../src/model/report';
import { renderConsole, renderJson, renderMarkdown } from '../../src/report';
import { fixtureReport } from './fixtures/report';

const base = fixtureReport();
const checks = base.checks.filter((check) => check.status === 'pass' || check.status === 'skip');
const notReady = [{ service: 'local', message: 'zookeeper: port 2181 is already taken' }];
const report = { ...base, checks, notReady, result: resultOf(checks, notReady) };

describe('a run whose stack did not come up but whose checks all passed', () => {
  it('is a fail', () => {
    expect(resultOf(checks)).toBe('pass');
    expect(report.result).toBe('fail');
  });

  it('says FAIL in every report', () => {
    expect(JSON.parse(renderJson(report)).result).toBe('fail');
    expect(renderMarkdown(report)).toMatch(/^## ❌ infra-verify: FAIL/);
    expect(renderConsole(report)).toMatch(/❌ FAIL: /);
  });
});

it("keeps a multi-line reason (compose's stderr tail) inside its summary bullet", () => {
  const message = ' Container chatbattle-kafka-init  Started\nservice "kafka-init" exited 1';
  const markdown = renderMarkdown({ ...report, notReady: [{ service: 'compose', message }] });
  const bullet = markdown.split('\n').find((line) => line.includes('**compose**'));
  expect(bullet).toContain('Started<br>service "kafka-init" exited 1');
});
