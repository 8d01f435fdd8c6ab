// The compose plugin's binary where the docker CLI itself would find it, so that static mode can
// run it directly as the standalone `docker-compose` it also is. `docker compose config` starts
// the docker CLI, which first asks the plugin for its metadata and then runs it: about 50 ms
// before compose itself starts, on a run whose whole budget is 200 ms. Linux only, and only where
// docker's search is sure to end at the same file.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** docker/cli's plugin folders on Linux after the config folder's, in its order. */
export const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

/** A docker config.json is a few KB; a larger one is not read, and docker picks. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface PluginLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isExecutable: (file: string) => boolean;
  /** docker's config.json may add plugin folders (cliPluginsExtraDirs): it exists, and it names
   * them or cannot be read for that key alone */
  mayAddPluginDirs: (configFile: string) => boolean;
}

const onThisMachine: PluginLookup = {
  env: process.env,
  platform: process.platform,
  isExecutable: (file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  mayAddPluginDirs: (configFile) => {
    if (!existsSync(configFile)) return false;
    try {
      // Only that key is looked for; nothing else of the file is kept.
      return (
        statSync(configFile).size > MAX_CONFIG_BYTES ||
        readFileSync(configFile, 'utf8').includes('cliPluginsExtraDirs')
      );
    } catch {
      return true;
    }
  },
};

/** The file `docker compose` would run, or undefined where only docker can say. */
export function composePluginBinary(lookup: PluginLookup = onThisMachine): string | undefined {
  if (lookup.platform !== 'linux') return undefined;
  const configDir = lookup.env.DOCKER_CONFIG || join(lookup.env.HOME || homedir(), '.docker');
  // Extra folders are searched in an order that changed between docker releases: docker picks.
  if (lookup.mayAddPluginDirs(join(configDir, 'config.json'))) return undefined;
  return [join(configDir, 'cli-plugins'), ...SYSTEM_PLUGIN_DIRS]
    .map((dir) => join(dir, 'docker-compose'))
    .find((file) => lookup.isExecutable(file));
}
