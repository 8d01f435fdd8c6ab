// One verifier process, as the CLI runs it against the twin, that prints its own peak RSS.
// Run by bench/index.ts as a child so that the figure is the verifier's alone.
import { CLI_WORDING } from '../src/cli/options';
import { createRuntime } from '../src/runtime';
import { DEFAULT_SPEC } from '../src/spec/default';
import { probeObserver } from '../src/probes/observer';
import { verify } from '../src/engine/verify';

async function main(): Promise<void> {
  const report = await verify(DEFAULT_SPEC, createRuntime('local', {}), {
    observer: probeObserver,
    wording: CLI_WORDING,
    timeoutSeconds: 180,
    keepUp: true,
    noPersistence: process.argv.includes('--no-persistence'),
  });
  // ru_maxrss: the high-water mark of this process's resident set, in kilobytes.
  process.stdout.write(
    JSON.stringify({ result: report.result, maxRssKb: process.resourceUsage().maxRSS }) + '\n',
  );
}

void main();
