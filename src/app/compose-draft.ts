// What `init` reads from the compose project: the facts of the one compose model (as static mode
// resolves it), and with --static a whole draft spec from those facts, the inits' own
// `kafka-topics --create` calls and the CQL they run or mount, with no server running.
import { existsSync } from 'node:fs';
import { composeProjectOf, NoComposeFileError, type ComposeProjectRequest } from '../model/compose';
import { composeConfig } from '../runtime/compose';
import { recordInit } from '../runtime/init-recorder';
import { composeFactsOf, rolesFromCompose } from '../spec/compose-facts';
import { draftSpec, type ComposeFacts } from '../spec/draft';
import type { Spec, TopicSpec } from '../spec/types';
import { readableText, resolveComposeModel, type ComposeModel } from '../static/compose';
import { observedKeyspaces, readCqlSchemas } from '../static/cql-schema';
import { readInitTopics, type CreatedTopic } from '../static/init-topics';

/** The project's compose facts, or undefined when there is no compose file to read. */
export async function composeFactsFor(
  request: ComposeProjectRequest,
): Promise<{ facts: ComposeFacts; model: ComposeModel } | undefined> {
  try {
    composeProjectOf(request, process.env, existsSync);
  } catch (error) {
    // No compose file (an existing stack, say): init then works from the servers alone.
    if (error instanceof NoComposeFileError) return undefined;
    throw error;
  }
  const model = await resolveComposeModel(request, composeConfig);
  return { facts: composeFactsOf(model.compose), model };
}

export interface StaticDraft {
  spec: Spec;
  /** what the draft could not say, for the user to fill in */
  gaps: string[];
  files: string[];
}

function topicSpec(topic: CreatedTopic, gaps: string[]): TopicSpec[] {
  if (topic.partitions === undefined || topic.replicationFactor === undefined) {
    gaps.push(
      `topic ${topic.name}: ${topic.service} leaves its partitions or replication factor to the broker; add it by hand`,
    );
    return [];
  }
  return [
    {
      name: topic.name,
      partitions: topic.partitions,
      replicationFactor: topic.replicationFactor,
      configs: topic.configs,
    },
  ];
}

/** `init --static`: a spec from the compose model and the readable inits, no servers. */
export async function draftFromCompose(
  request: ComposeProjectRequest,
  runInits: boolean,
): Promise<StaticDraft> {
  const model = await resolveComposeModel(request, composeConfig);
  const facts = composeFactsOf(model.compose);
  const roles = rolesFromCompose(facts);
  const gaps: string[] = [...model.limits];
  if (!roles.kafka && !roles.cassandra) {
    return { spec: draftSpec({ roles }, facts), gaps, files: model.files };
  }
  const inits = await readInitTopics(
    model,
    draftSpec({ roles }, facts),
    model.directory,
    runInits ? recordInit : undefined,
    readableText,
  );
  // The schema as static mode reads it for its checks, so the draft passes them.
  const schema = observedKeyspaces(readCqlSchemas(inits.cql));
  const draft = draftSpec({ roles, keyspaces: schema.keyspaces }, facts);
  if (draft.kafka) {
    gaps.push(...(inits.topics.length === 0 ? inits.unreadable : []));
    draft.kafka.topics = inits.topics.flatMap((topic) => topicSpec(topic, gaps));
  }
  if (draft.cassandra) {
    gaps.push(...schema.left);
    if (inits.cql.length === 0) {
      gaps.push(
        `cassandra keyspaces: no init's CQL could be read (${inits.unreadable.join('; ') || 'no one-shot service runs cqlsh -f or -e, or mounts a .cql file'}); run \`infra-verify init\` against the running stack`,
      );
    }
  }
  // Servers were not asked, so nothing proves a round trip or persistence yet: left on, as a
  // live run should check them.
  return { spec: draft, gaps, files: model.files };
}
