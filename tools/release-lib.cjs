// Pure helpers of the release script and the release workflow's tag check: text in, text out.

/** "1.2.3" -> { major: 1, minor: 2, patch: 3 }; anything else -> undefined. */
function parseVersion(text) {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(text ?? '');
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

function compareVersions(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

/**
 * The changelog with its Unreleased entries moved under "## [version] - date" and an empty
 * Unreleased section left above them, or { error } when there is nothing to release.
 */
function datedChangelog(text, version, date) {
  const heading = UNRELEASED.exec(text);
  if (!heading) return { error: 'CHANGELOG.md has no "## [Unreleased]" section to date' };
  const bodyStart = heading.index + heading[0].length;
  const next = text.slice(bodyStart).search(/^## /m);
  const body = next === -1 ? text.slice(bodyStart) : text.slice(bodyStart, bodyStart + next);
  if (!/^\s*[-*] \S/m.test(body)) {
    return { error: 'CHANGELOG.md lists nothing under "## [Unreleased]": say what changed first' };
  }
  if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) {
    return { error: `CHANGELOG.md already has an entry for ${version}` };
  }
  return (
    `${text.slice(0, heading.index)}## [Unreleased]\n\n## [${version}] - ${date}\n` +
    text.slice(bodyStart)
  );
}

/** What is wrong with a pushed tag, given package.json's version and the changelog; [] if nothing. */
function tagProblems(tag, packageVersion, changelog) {
  const major = /^v(0|[1-9]\d*)$/.exec(tag);
  if (major) return [];
  const version = parseVersion(tag.replace(/^v/, ''));
  if (!tag.startsWith('v') || !version) {
    return [`tag "${tag}" is neither vX.Y.Z nor a major tag vX`];
  }
  const exact = tag.slice(1);
  const problems = [];
  if (packageVersion !== exact) {
    problems.push(`package.json says version ${packageVersion}, the tag says ${exact}`);
  }
  const escaped = exact.replace(/\./g, '\\.');
  if (!new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog)) {
    problems.push(`CHANGELOG.md has no dated entry "## [${exact}] - YYYY-MM-DD"`);
  }
  return problems;
}

module.exports = { parseVersion, compareVersions, datedChangelog, tagProblems };
