import {
  ComposeOutputError,
  parseContainerNames,
  parseContainerOwners,
  parseInspect,
  parsePort,
  parsePs,
} from '../../src/runtime/compose/parse';
import { detectCompose, parseComposeVersion } from '../../src/runtime/compose/command';
import { composeConfigWith } from '../../src/runtime/compose/config';
import { composePluginBinary, type PluginLookup } from '../../src/runtime/compose/plugin-binary';

// As compose v2.29 prints them (one object per line since 2.21), trimmed to a few fields.
const kafkaPs = {
  Command: '"/etc/confluent/docker/run"',
  ExitCode: 0,
  Health: 'healthy',
  ID: 'a1b2c3d4e5f6',
  Image: 'confluentinc/cp-kafka:7.9.0',
  Name: 'chatbattle-kafka',
  Project: 'infra-verify-1',
  Service: 'kafka',
  State: 'running',
  Status: 'Up 2 minutes (healthy)',
};
const initPs = {
  ...kafkaPs,
  ExitCode: 1,
  Health: '',
  ID: '0f9e8d7c6b5a',
  Name: 'chatbattle-kafka-init',
  Service: 'kafka-init',
  State: 'exited',
  Status: 'Exited (1) 5 seconds ago',
};

describe('parsePs', () => {
  const expected = [
    {
      id: 'a1b2c3d4e5f6',
      name: 'chatbattle-kafka',
      service: 'kafka',
      state: 'running',
      health: 'healthy',
    },
    {
      id: '0f9e8d7c6b5a',
      name: 'chatbattle-kafka-init',
      service: 'kafka-init',
      state: 'exited',
      exitCode: 1,
    },
  ];

  it('reads JSON lines (compose >= 2.21)', () => {
    expect(parsePs(`${JSON.stringify(kafkaPs)}\n${JSON.stringify(initPs)}\n`)).toEqual(expected);
  });

  it('reads one JSON array (compose < 2.21)', () => {
    expect(parsePs(JSON.stringify([kafkaPs, initPs], null, 2))).toEqual(expected);
  });

  it('reads an empty project as no containers in either form', () => {
    expect(parsePs('')).toEqual([]);
    expect(parsePs('[]\n')).toEqual([]);
  });

  it('keeps the exit code only for exited containers', () => {
    const [running] = parsePs(JSON.stringify(kafkaPs));
    expect(running).not.toHaveProperty('exitCode');
  });

  it('names the command when the output is not JSON', () => {
    expect(() => parsePs('NAME   IMAGE   STATUS')).toThrow(
      /docker compose ps printed output that is not JSON/,
    );
    expect(() => parsePs('NAME   IMAGE')).toThrow(ComposeOutputError);
  });
});

describe('parseContainerNames (compose config --format json)', () => {
  it('maps each fixed container_name to its service and skips services without one', () => {
    const config = {
      name: 'p1',
      services: {
        kafka: { container_name: 'chatbattle-kafka', image: 'x' },
        worker: { image: 'y' },
      },
    };
    expect([...parseContainerNames(JSON.stringify(config))]).toEqual([
      ['chatbattle-kafka', 'kafka'],
    ]);
  });

  it('names the command when the output is not JSON', () => {
    expect(() => parseContainerNames('services:\n  kafka:')).toThrow(/docker compose config/);
  });
});

describe('parseContainerOwners (docker ps names and project labels)', () => {
  it('maps each container to its project, empty for one outside compose', () => {
    expect([...parseContainerOwners('chatbattle-kafka\tci-1\nlonely\t\n\n')]).toEqual([
      ['chatbattle-kafka', 'ci-1'],
      ['lonely', ''],
    ]);
  });
});

describe('parsePort', () => {
  it.each([
    ['0.0.0.0:9092\n', { host: '127.0.0.1', port: 9092 }],
    ['[::]:29093', { host: '127.0.0.1', port: 29093 }],
    [':::9092', { host: '127.0.0.1', port: 9092 }],
    ['127.0.0.1:9042', { host: '127.0.0.1', port: 9042 }],
    ['0.0.0.0:2181\n[::]:2181\n', { host: '127.0.0.1', port: 2181 }],
  ])('%j -> %j', (output, expected) => {
    expect(parsePort(output)).toEqual(expected);
  });

  it('rejects output that is not HOST:PORT', () => {
    expect(() => parsePort('no port 9092 published')).toThrow(/expected HOST:PORT/);
  });
});

describe('parseInspect', () => {
  const container = {
    Id: 'a1b2c3d4e5f6a1b2c3d4e5f6',
    Name: '/chatbattle-kafka',
    State: {
      Status: 'running',
      ExitCode: 0,
      StartedAt: '2026-11-27T09:00:05.123456789Z',
      Health: { Status: 'healthy' },
    },
    Config: {
      Labels: { 'com.docker.compose.service': 'kafka', 'com.docker.compose.project': 'p1' },
    },
    NetworkSettings: { Networks: { 'p1_chatbattle-network': {} } },
    Mounts: [
      { Type: 'volume', Name: 'p1_kafka-data', Destination: '/var/lib/kafka/data' },
      { Type: 'bind', Source: '/etc/hosts', Destination: '/etc/hosts' },
    ],
  };

  it('reads service, state, health, start time, networks and volume mounts without the project prefix', () => {
    expect(parseInspect(JSON.stringify([container]), 'p1')).toEqual([
      {
        service: 'kafka',
        containerName: 'chatbattle-kafka',
        state: 'running',
        health: 'healthy',
        startedAt: '2026-11-27T09:00:05.123456789Z',
        networks: ['chatbattle-network'],
        mounts: { 'kafka-data': '/var/lib/kafka/data' },
      },
    ]);
  });

  it('keeps names that a compose file fixed with name: as they are', () => {
    const fixed = { ...container, NetworkSettings: { Networks: { 'chatbattle-network': {} } } };
    expect(parseInspect(JSON.stringify([fixed]), 'p1')[0]?.networks).toEqual([
      'chatbattle-network',
    ]);
  });

  it('reports the exit code of an exited init and no start time for a never-started container', () => {
    const init = {
      ...container,
      Name: '/chatbattle-kafka-init',
      State: { Status: 'exited', ExitCode: 2, StartedAt: '0001-01-01T00:00:00Z' },
      Mounts: [],
    };
    const [observation] = parseInspect(JSON.stringify([init]), 'p1');
    expect(observation).toMatchObject({ state: 'exited', exitCode: 2 });
    expect(observation).not.toHaveProperty('startedAt');
    expect(observation).not.toHaveProperty('health');
  });
});

describe('parseComposeVersion', () => {
  it.each([
    ['Docker Compose version v2.29.7\n', { major: 2, text: '2.29.7' }],
    ['Docker Compose version 2.20.2+ds1-0+deb12u1', { major: 2, text: '2.20.2' }],
    [
      'docker-compose version 1.29.2, build 5becea4c\ndocker-py version: 5.0.0',
      { major: 1, text: '1.29.2' },
    ],
  ])('%j', (output, expected) => {
    expect(parseComposeVersion(output)).toEqual(expected);
  });

  it('does not mistake the docker CLI error for a version', () => {
    expect(
      parseComposeVersion("docker: unknown command: docker compose\n\nRun 'docker --help'"),
    ).toBeNull();
  });
});

describe('detectCompose', () => {
  const answering = (stdout: string) => async (file: string, args: readonly string[]) =>
    file === 'docker' && args.join(' ') === 'compose version'
      ? { exitCode: 0, stdout, stderr: '' }
      : { exitCode: 1, stdout: '', stderr: 'not found' };

  it.each([
    ['Docker Compose version v2.40.3', '2.40.3'],
    ['Docker Compose version v5.0.1', '5.0.1'],
  ])('takes the plugin that prints %j as the JSON-speaking compose', async (output, text) => {
    expect(await detectCompose(answering(output))).toEqual({
      file: 'docker',
      prefix: ['compose'],
      versionText: text,
    });
  });

  it('refuses compose v1 with one clear error when it is all there is', async () => {
    const onlyV1 = async (file: string) =>
      file === 'docker-compose'
        ? { exitCode: 0, stdout: 'docker-compose version 1.29.2, build 5becea4c', stderr: '' }
        : { exitCode: 1, stdout: '', stderr: "docker: 'compose' is not a docker command." };
    await expect(detectCompose(onlyV1)).rejects.toThrow(
      /^Only Docker Compose v1 \(1\.29\.2, "docker-compose"\) is installed; it reached end of life in 2023/,
    );
  });

  it('takes a standalone docker-compose that is v2', async () => {
    const standalone = async (file: string) =>
      file === 'docker-compose'
        ? { exitCode: 0, stdout: 'Docker Compose version 2.26.1-4', stderr: '' }
        : { exitCode: 1, stdout: '', stderr: "docker: 'compose' is not a docker command." };
    expect(await detectCompose(standalone)).toEqual({
      file: 'docker-compose',
      prefix: [],
      versionText: '2.26.1',
    });
  });
});

describe('composeConfigWith', () => {
  const request = { directory: '/project', files: ['/project/compose.yaml'], profiles: [] };
  const verb = (args: readonly string[]) => args.slice(-3).join(' ');
  const noPluginBinary = () => undefined;

  it("asks the plugin's config beside its version, not after it", async () => {
    const calls: string[] = [];
    let answerVersion = () => undefined as void;
    const run = (file: string, args: readonly string[]) => {
      calls.push(`${file} ${verb(args)}`);
      if (args.includes('version')) {
        return new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
          answerVersion = () =>
            resolve({ exitCode: 0, stdout: 'Docker Compose version v2.29.7', stderr: '' });
        });
      }
      return Promise.resolve({ exitCode: 0, stdout: '{"services":{}}', stderr: '' });
    };
    const answer = composeConfigWith(run, noPluginBinary)(request);
    await Promise.resolve();
    // the version has not answered yet, and config was already asked
    expect(calls).toEqual(['docker config --format json', 'docker compose version']);
    answerVersion();
    expect(await answer).toEqual({ json: '{"services":{}}', warnings: '', version: '2.29.7' });
    expect(calls).toHaveLength(2);
  });

  it('drops the plugin answer and asks the standalone docker-compose when only it is v2', async () => {
    const run = async (file: string, args: readonly string[]) =>
      file === 'docker-compose'
        ? args.includes('version')
          ? { exitCode: 0, stdout: 'Docker Compose version 2.26.1-4', stderr: '' }
          : { exitCode: 0, stdout: '{"name":"standalone"}', stderr: '' }
        : { exitCode: 1, stdout: '', stderr: 'docker: unknown command: docker compose' };
    expect(await composeConfigWith(run, noPluginBinary)(request)).toEqual({
      json: '{"name":"standalone"}',
      warnings: '',
      version: '2.26.1',
    });
  });

  it('says compose is unavailable when neither answers, whatever the plugin call did', async () => {
    const run = async (file: string) => {
      if (file === 'docker') throw new Error('spawn docker ENOENT');
      return { exitCode: 127, stdout: '', stderr: 'not found' };
    };
    expect(await composeConfigWith(run, noPluginBinary)(request)).toEqual({
      unavailable: expect.stringMatching(/^No Docker Compose found/),
    });
  });

  it("runs the plugin's binary itself where docker would find it, as the standalone it also is", async () => {
    const binary = '/home/me/.docker/cli-plugins/docker-compose';
    const calls: string[] = [];
    const run = async (file: string, args: readonly string[]) => {
      calls.push(`${file} ${verb(args)}`);
      return file === binary
        ? {
            exitCode: 0,
            stdout: args.includes('version') ? 'Docker Compose version v2.40.3' : '{}',
            stderr: '',
          }
        : { exitCode: 1, stdout: '', stderr: 'unexpected' };
    };
    expect(await composeConfigWith(run, () => binary)(request)).toEqual({
      json: '{}',
      warnings: '',
      version: '2.40.3',
    });
    expect(calls).toEqual([`${binary} config --format json`, `${binary} version`]);
  });

  it('falls back to `docker compose` when that binary does not answer', async () => {
    const run = async (file: string, args: readonly string[]) =>
      file === 'docker'
        ? {
            exitCode: 0,
            stdout: args.includes('version')
              ? 'Docker Compose version v2.40.3'
              : '{"via":"docker"}',
            stderr: '',
          }
        : { exitCode: 126, stdout: '', stderr: 'permission denied' };
    expect(await composeConfigWith(run, () => '/broken/docker-compose')(request)).toMatchObject({
      json: '{"via":"docker"}',
    });
  });
});

describe('composePluginBinary', () => {
  const lookup = (over: Partial<PluginLookup>, executables: string[]): PluginLookup => ({
    env: { HOME: '/home/me' },
    platform: 'linux',
    isExecutable: (file) => executables.includes(file),
    mayAddPluginDirs: () => false,
    ...over,
  });

  it("takes docker's config folder first ($DOCKER_CONFIG, else ~/.docker), then the system's", () => {
    const system = '/usr/libexec/docker/cli-plugins/docker-compose';
    expect(
      composePluginBinary(lookup({}, [system, '/home/me/.docker/cli-plugins/docker-compose'])),
    ).toBe('/home/me/.docker/cli-plugins/docker-compose');
    expect(
      composePluginBinary(
        lookup({ env: { HOME: '/home/me', DOCKER_CONFIG: '/ci/docker' } }, [system]),
      ),
    ).toBe(system);
    expect(
      composePluginBinary(
        lookup({ env: { DOCKER_CONFIG: '/ci/docker' } }, [
          system,
          '/ci/docker/cli-plugins/docker-compose',
        ]),
      ),
    ).toBe('/ci/docker/cli-plugins/docker-compose');
  });

  it('leaves the choice to docker where config.json may add folders, or off Linux, or when there is none', () => {
    const home = ['/home/me/.docker/cli-plugins/docker-compose'];
    const asked: string[] = [];
    const extraDirs = (file: string) => (asked.push(file), true);
    expect(composePluginBinary(lookup({ mayAddPluginDirs: extraDirs }, home))).toBeUndefined();
    expect(asked).toEqual(['/home/me/.docker/config.json']);
    expect(composePluginBinary(lookup({ platform: 'darwin' }, home))).toBeUndefined();
    expect(composePluginBinary(lookup({}, []))).toBeUndefined();
  });
});
