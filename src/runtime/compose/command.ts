// Which compose binary to drive: the v2 plugin (`docker compose`), or a standalone v2
// `docker-compose`. Compose v1 reached end of life in 2023 and is refused with one clear error.
// Everything is an argument array; nothing is ever joined into a shell line.

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type RunCommand = (
  file: string,
  args: readonly string[],
  options?: { cwd?: string; timeoutMs?: number; onLine?: (line: string) => void },
) => Promise<CommandResult>;

export interface ComposeCommand {
  /** the executable, e.g. "docker" or "docker-compose" */
  file: string;
  /** the arguments before compose's own, e.g. ["compose"] for the plugin */
  prefix: string[];
  /** as the binary reported it */
  versionText: string;
}

/** compose v2 prints "Docker Compose version v2.29.7" (or "2.29.7" for some distro builds). */
export function parseComposeVersion(output: string): { major: number; text: string } | null {
  const match = /(?:docker[- ]compose version\s+)v?(\d+)\.(\d+)\.(\d+)/i.exec(output.trim());
  if (!match) return null;
  return { major: Number(match[1]), text: `${match[1]}.${match[2]}.${match[3]}` };
}

export class ComposeNotFoundError extends Error {}

/** The compose v2 plugin, which most machines have: tried first. */
export const COMPOSE_PLUGIN = { file: 'docker', prefix: ['compose'] } as const;

/** first: candidates tried before the plugin and the standalone binary on PATH */
export async function detectCompose(
  run: RunCommand,
  first: ReadonlyArray<{ file: string; prefix: readonly string[] }> = [],
): Promise<ComposeCommand> {
  const tried: string[] = [];
  const candidates: Array<{ file: string; prefix: readonly string[] }> = [
    ...first,
    COMPOSE_PLUGIN,
    { file: 'docker-compose', prefix: [] },
  ];
  for (const candidate of candidates) {
    const shown = [candidate.file, ...candidate.prefix, 'version'].join(' ');
    try {
      const result = await run(candidate.file, [...candidate.prefix, 'version']);
      const version = parseComposeVersion(result.stdout);
      if (result.exitCode === 0 && version?.major === 1) {
        throw new ComposeNotFoundError(
          `Only Docker Compose v1 (${version.text}, "${candidate.file}") is installed; it reached ` +
            'end of life in 2023 and infra-verify needs compose v2 or later: install the compose ' +
            'plugin ("docker compose"), or use runtime "existing" with endpoints.',
        );
      }
      // Compose jumped from v2 to v5 with the same CLI and output formats.
      if (result.exitCode === 0 && version) {
        return { file: candidate.file, prefix: [...candidate.prefix], versionText: version.text };
      }
      tried.push(`${shown}: exit ${result.exitCode} ${firstLine(result.stderr || result.stdout)}`);
    } catch (error) {
      if (error instanceof ComposeNotFoundError) throw error;
      tried.push(`${shown}: ${(error as Error).message}`);
    }
  }
  throw new ComposeNotFoundError(
    `No Docker Compose found (tried ${tried.join('; ')}). Install the compose v2 plugin ` +
      `("docker compose"), or use runtime "existing" with endpoints.`,
  );
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
