// .env files, as compose reads them for variable substitution and the twin reads them for versions.

export type Env = Record<string, string>;

/** KEY=VALUE lines of a .env file; comments, blank lines and an `export ` prefix are ignored. */
export function parseDotenv(text: string): Env {
  const env: Env = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match;
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    env[key] = quoted ? quoted[2] : raw.replace(/\s+#.*$/, '');
  }
  return env;
}
