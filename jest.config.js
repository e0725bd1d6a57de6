// Jest runs in ESM mode (Nest 12 is ESM-only): `node --experimental-vm-modules`, ts-jest with useESM.
// Three projects, one per kind of test, told apart by the file suffix (STYLE.md):
//   unit *.spec.ts (no I/O) · int *.int-spec.ts (real SQLite / MariaDB) · e2e *.e2e-spec.ts (real processes, HTTP)
const common = {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^#seedwork$': '<rootDir>/libs/seedwork/src/index.ts',
    '^#seedwork/domain$': '<rootDir>/libs/seedwork/src/domain/index.ts',
    '^#seedwork/testing$': '<rootDir>/libs/seedwork/src/testing/index.ts',
    '^#contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'] },
  ],
};
