// infra-verify is a tool for any team's stack; ChatBattle is its first user and example, not its
// name. What a user sees first (the Action's name and description) says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const action = parse(readFileSync(join(__dirname, '..', '..', 'action.yml'), 'utf8')) as {
  name: string;
  description: string;
};

describe('action.yml', () => {
  it('names and describes the tool, not one team or milestone', () => {
    expect(action.name).toBe('infra-verify');
    expect(`${action.name} ${action.description}`).not.toMatch(/ChatBattle|Milestone/i);
    expect(action.description).toMatch(/Kafka \+ Cassandra/);
  });
});
