import { existsSync } from 'node:fs';

export interface PulsarForTests {
  url: string;
  /** Where it comes from, for the suite's title. */
  source: string;
  stop(): Promise<void>;
}

const IMAGE = 'apachepulsar/pulsar:3.3.2';

/**
 * A Pulsar broker for the suites that need one: PULSAR_URL when it is set; else, when a Docker
 * engine answers, `apachepulsar/pulsar` standalone started with testcontainers; else undefined, and
 * the suite reports itself skipped.
 */
export async function pulsarForTests(): Promise<PulsarForTests | undefined> {
  const url = process.env.PULSAR_URL?.trim();
  if (url) return { url, source: `PULSAR_URL=${url}`, stop: async () => undefined };
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return undefined;
  const { GenericContainer, Wait } = await import('testcontainers');
  try {
    const container = await new GenericContainer(IMAGE)
      .withCommand(['bin/pulsar', 'standalone'])
      .withExposedPorts(6650, 8080)
      .withWaitStrategy(
        Wait.forHttp('/admin/v2/clusters', 8080)
          .forResponsePredicate((body) => body.includes('standalone'))
          .withStartupTimeout(180_000),
      )
      .start();
    return {
      url: `pulsar://${container.getHost()}:${container.getMappedPort(6650)}`,
      source: `${IMAGE} via testcontainers`,
      stop: async () => void (await container.stop()),
    };
  } catch {
    // A socket without a working engine (as on machines with only the docker CLI): no Pulsar.
    return undefined;
  }
}
