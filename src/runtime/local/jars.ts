// The twin's jars come from Maven Central at the versions in .env. A marker file holding those
// versions and a hash of twin/pom.xml says whether twin/lib is current, so a fresh clone, a
// version bump or a pom change refetches.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Progress } from '../../model/runtime';
import { runChild } from '../child';
import { type TwinConfig, twinPaths } from './config';

/** A first fetch of every jar from Maven Central; a stalled download must not hang the run. */
const MVN_TIMEOUT_MS = 20 * 60_000;

function marker(config: TwinConfig): string {
  return join(config.repoRoot, 'twin', 'lib', 'versions.json');
}

function expectedMarker(config: TwinConfig): string {
  const pom = readFileSync(join(config.repoRoot, 'twin', 'pom.xml'));
  return JSON.stringify({
    ...config.versions,
    pom: createHash('sha256').update(pom).digest('hex'),
  });
}

function jarsAreCurrent(config: TwinConfig): boolean {
  const file = marker(config);
  return existsSync(file) && readFileSync(file, 'utf8') === expectedMarker(config);
}

async function copyDependencies(
  config: TwinConfig,
  profile: string,
  outputDirectory: string,
): Promise<void> {
  rmSync(outputDirectory, { recursive: true, force: true });
  mkdirSync(outputDirectory, { recursive: true });
  const { kafka, zookeeper, cassandra } = config.versions;
  const args = [
    '-q',
    '-B',
    '-f',
    join(config.repoRoot, 'twin', 'pom.xml'),
    '-P',
    profile,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${outputDirectory}`,
    `-Dkafka.version=${kafka}`,
    `-Dzookeeper.version=${zookeeper}`,
    `-Dcassandra.version=${cassandra}`,
  ];
  const detail = await runChild('mvn', args, { timeoutMs: MVN_TIMEOUT_MS }).then(
    (result) => (result.exitCode === 0 ? undefined : `${result.stdout}${result.stderr}`),
    (error: Error) => error.message,
  );
  if (detail !== undefined) {
    throw new Error(
      `fetching the twin's ${profile} jars with mvn failed; check that mvn is installed and Maven Central ` +
        `is reachable, then run "mvn ${args.join(' ')}" to see the cause:\n${detail.trim()}`,
    );
  }
}

export async function ensureJars(config: TwinConfig, progress: Progress): Promise<void> {
  if (jarsAreCurrent(config)) return;
  const paths = twinPaths(config);
  progress(
    `fetching jars with mvn: Kafka ${config.versions.kafka}, Cassandra ${config.versions.cassandra}`,
  );
  await copyDependencies(config, 'kafka', paths.kafkaLib);
  await copyDependencies(config, 'cassandra', paths.cassandraLib);
  writeFileSync(marker(config), expectedMarker(config));
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
