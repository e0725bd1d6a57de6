// Test helpers, imported as '#seedwork/testing' (never from production code).
export * from './broker-contract.js';
export * from './broker-fixture.js';
export * from './eventually.js';
export * from './saga-scenario.js';
export * from './pulsar-for-tests.js';
export * from './test-database.js';
