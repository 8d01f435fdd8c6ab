// The compose suite needs the compose v2 CLI plugin, and gets it as CI does: with
// engine/install-compose.sh (Debian's package through apt, no engine). It fails when it cannot.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PLUGIN_DIR, ROOT } from './compose-cli';

export default function globalSetup(): void {
  execFileSync('bash', [join(ROOT, 'engine', 'install-compose.sh'), PLUGIN_DIR], {
    stdio: 'inherit',
    timeout: 300_000,
  });
}
