import { STARTED_BY_JEST, sharedTwin } from './twin';

export default async function globalTeardown(): Promise<void> {
  if (process.env[STARTED_BY_JEST] !== '1') return;
  delete process.env[STARTED_BY_JEST];
  await sharedTwin().down({ removeData: false });
}
