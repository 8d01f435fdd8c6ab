// The secure twin that the secure suite brings up: its own home under TWIN_HOME (.twin/suite)
// and its own ports, 3000 above the TWIN_* ports (the cluster suite takes + 1000, the KRaft
// suite + 2000), so it runs beside the shared single twin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDotenv } from '../../src/model/dotenv';
import { stackIsUp } from '../../src/model/runtime';
import { secureFiles } from '../../src/runtime/local/secure';
import type { LocalRuntime } from '../../src/runtime/local/local-runtime';
import { suiteTwin } from './twin';

export const suiteSecureTwin = (): LocalRuntime => suiteTwin('secure', 3000);

/** The secure twin's spec, which it passes. */
export const SECURE_SPEC = join(__dirname, '..', '..', 'twin', 'secure', 'infra-spec.yml');

/** The suite twin's client.env (the admin) and readonly.env, as INFRA_VERIFY_* settings. */
export function secureSettings(): {
  admin: Record<string, string>;
  readonly: Record<string, string>;
} {
  const files = secureFiles(suiteSecureTwin().config.home);
  const settingsOf = (file: string) => parseDotenv(readFileSync(file, 'utf8'));
  return { admin: settingsOf(files.clientEnv), readonly: settingsOf(files.readonlyEnv) };
}

/** The passwords and tokens among settings: what no output may show. */
export const secretsIn = (settings: Record<string, string>): string[] =>
  Object.entries(settings)
    .filter(([name]) => /PASSWORD|TOKEN/.test(name))
    .map(([, value]) => value);

/** set by the globalSetup that started the secure twin, so its teardown stops only that */
const STARTED_BY_JEST = 'INFRA_VERIFY_SECURE_STARTED_BY_JEST';

/** Brings the secure twin up (a new CA and new passwords), unless it already runs. */
export async function startSecureTwin(): Promise<void> {
  const twin = suiteSecureTwin();
  if (stackIsUp(await twin.services())) return;
  await twin.up((message) => process.stderr.write(`[secure] ${message}\n`));
  process.env[STARTED_BY_JEST] = '1';
}

/** Stops the secure twin if startSecureTwin started it, forgetting its data, CA and passwords. */
export async function stopSecureTwin(): Promise<void> {
  if (process.env[STARTED_BY_JEST] !== '1') return;
  delete process.env[STARTED_BY_JEST];
  await suiteSecureTwin().down({ removeData: true });
}
