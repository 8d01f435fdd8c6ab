// Compose's variable substitution, for the values static mode judges (image tags): ${VAR},
// ${VAR:-default}, ${VAR-default}, ${VAR:?message}, $VAR and $$ for a literal dollar.

import type { Env } from '../model/dotenv';

export function interpolate(value: string, env: Env): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const resolved = value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      whole,
      braced: string | undefined,
      operator: string | undefined,
      fallback: string | undefined,
      bare: string | undefined,
    ) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare) as string;
      const set = env[name];
      const usable = operator?.startsWith(':')
        ? set !== undefined && set !== ''
        : set !== undefined;
      if (usable) return set;
      if (operator === ':-' || operator === '-') return fallback ?? '';
      unresolved.push(name);
      return '';
    },
  );
  return { value: resolved, unresolved };
}
