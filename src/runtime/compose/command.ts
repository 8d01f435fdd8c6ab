// Which compose binary to drive: the v2 plugin (`docker compose`) or the v1 standalone
// (`docker-compose`). Everything is an argument array; nothing is ever joined into a shell line.

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
  /** the arguments before compose's own, e.g. ["compose"] for v2 */
  prefix: string[];
  /** 1: the python docker-compose (no JSON `ps`); 2: the Go compose, v2 and every later major */
  version: 1 | 2;
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

export async function detectCompose(run: RunCommand): Promise<ComposeCommand> {
  const tried: string[] = [];
  const candidates: Array<{ file: string; prefix: string[] }> = [
    { file: 'docker', prefix: ['compose'] },
    { file: 'docker-compose', prefix: [] },
  ];
  for (const candidate of candidates) {
    const shown = [candidate.file, ...candidate.prefix, 'version'].join(' ');
    try {
      const result = await run(candidate.file, [...candidate.prefix, 'version']);
      const version = parseComposeVersion(result.stdout);
      if (result.exitCode === 0 && version && version.major >= 1) {
        // Compose jumped from v2 to v5 with the same CLI and output formats.
        const generation = version.major === 1 ? 1 : 2;
        return { ...candidate, version: generation, versionText: version.text };
      }
      tried.push(`${shown}: exit ${result.exitCode} ${firstLine(result.stderr || result.stdout)}`);
    } catch (error) {
      tried.push(`${shown}: ${(error as Error).message}`);
    }
  }
  throw new ComposeNotFoundError(
    `No Docker Compose found (tried ${tried.join('; ')}). Install the compose v2 plugin ` +
      `("docker compose") or docker-compose v1, or use runtime "existing" with endpoints.`,
  );
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
