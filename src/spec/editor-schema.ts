// infra-spec.schema.json, the schema editors use (yaml-language-server, VS Code), is this
// text: the validator's own SPEC_SCHEMA, so what the editor flags and what verify rejects
// cannot drift apart. `npm run schema` writes it; lint fails when the file is stale.
import { SPEC_SCHEMA } from './schema';

export const EDITOR_SCHEMA_FILE = 'infra-spec.schema.json';

/** Where released copies live; a spec in another repository points its $schema line here. */
export const EDITOR_SCHEMA_URL = `https://raw.githubusercontent.com/chatbattle/infra-verify/v1/${EDITOR_SCHEMA_FILE}`;

export function editorSchemaText(): string {
  const { $schema, ...rest } = SPEC_SCHEMA;
  return `${JSON.stringify({ $schema, $id: EDITOR_SCHEMA_URL, ...rest }, null, 2)}\n`;
}
