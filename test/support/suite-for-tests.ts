import { afterAll, beforeAll } from '@jest/globals';
import { type ServiceName, Suite } from './suite.js';

/** A suite of services started before the enclosing describe block's tests and stopped after them. */
export function suiteForTests(names?: readonly ServiceName[], extraEnv?: NodeJS.ProcessEnv): Suite {
  const suite = new Suite(names, extraEnv);
  beforeAll(() => suite.start(), 60000);
  afterAll(() => suite.stop());
  return suite;
}
