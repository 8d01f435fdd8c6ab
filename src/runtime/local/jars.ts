// The twin's jars come from Maven Central at the versions in .env, one folder of twin/lib per
// set. A marker file beside each, holding its versions and a hash of twin/pom.xml, says whether
// it is current, so a fresh clone, a version bump or a pom change refetches.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Progress } from '../../model/runtime';
import { runChild } from '../child';
import { type TwinConfig, TwinConfigError, twinPaths } from './config';

/** A first fetch of every jar from Maven Central; a stalled download must not hang the run. */
const MVN_TIMEOUT_MS = 20 * 60_000;

/** A folder of twin/lib and the Maven profile that fills it. kafka4: the secure twin's Kafka 4. */
export type JarSet = 'kafka' | 'kafka4' | 'cassandra';

/** The .env versions each set is fetched at. */
function setVersions(config: TwinConfig, set: JarSet): Record<string, string> {
  const { kafka, kafka4, zookeeper, cassandra } = config.versions;
  if (set === 'cassandra') return { cassandra };
  if (set === 'kafka') return { kafka, zookeeper };
  if (kafka4 === undefined) {
    throw new TwinConfigError(
      `${join(config.repoRoot, '.env')} has no KAFKA4_VERSION=...; add it (it pins the secure twin's Kafka 4 jars)`,
    );
  }
  return { kafka4 };
}

export const jarFolder = (config: TwinConfig, set: JarSet) =>
  join(config.repoRoot, 'twin', 'lib', set);

/** Beside each folder: the versions and the pom's hash it was fetched with. */
const marker = (config: TwinConfig, set: JarSet) =>
  join(config.repoRoot, 'twin', 'lib', `${set}.json`);

function expectedMarker(config: TwinConfig, set: JarSet): string {
  const pom = readFileSync(join(config.repoRoot, 'twin', 'pom.xml'));
  return JSON.stringify({
    ...setVersions(config, set),
    pom: createHash('sha256').update(pom).digest('hex'),
  });
}

function jarsAreCurrent(config: TwinConfig, set: JarSet): boolean {
  const file = marker(config, set);
  return existsSync(file) && readFileSync(file, 'utf8') === expectedMarker(config, set);
}

async function copyDependencies(config: TwinConfig, set: JarSet): Promise<void> {
  const outputDirectory = jarFolder(config, set);
  rmSync(outputDirectory, { recursive: true, force: true });
  mkdirSync(outputDirectory, { recursive: true });
  const versions = Object.entries(setVersions(config, set)).map(
    ([name, version]) => `-D${name}.version=${version}`,
  );
  const args = [
    '-q',
    '-B',
    '-f',
    join(config.repoRoot, 'twin', 'pom.xml'),
    '-P',
    set,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${outputDirectory}`,
    ...versions,
  ];
  const detail = await runChild('mvn', args, { timeoutMs: MVN_TIMEOUT_MS }).then(
    (result) => (result.exitCode === 0 ? undefined : `${result.stdout}${result.stderr}`),
    (error: Error) => error.message,
  );
  if (detail !== undefined) {
    throw new Error(
      `fetching the twin's ${set} jars with mvn failed; check that mvn is installed and Maven Central ` +
        `is reachable, then run "mvn ${args.join(' ')}" to see the cause:\n${detail.trim()}`,
    );
  }
}

/** Fetches each set whose folder does not match .env and twin/pom.xml. */
export async function ensureJars(
  config: TwinConfig,
  sets: JarSet[],
  progress: Progress,
): Promise<void> {
  for (const set of sets) {
    if (jarsAreCurrent(config, set)) continue;
    const versions = Object.values(setVersions(config, set)).join(', ');
    progress(`fetching the ${set} jars with mvn (${versions})`);
    await copyDependencies(config, set);
    writeFileSync(marker(config, set), expectedMarker(config, set));
  }
}

/** jamm is Cassandra's -javaagent; its file name carries a version, so look it up in twin/lib. */
export function jammJar(config: TwinConfig): string {
  const lib = twinPaths(config).cassandraLib;
  const jar = existsSync(lib)
    ? readdirSync(lib).find((file) => /^jamm-.*\.jar$/.test(file))
    : undefined;
  // Before the jars are fetched there is nothing to point at yet; up() fetches them first.
  return join(lib, jar ?? 'jamm.jar');
}
