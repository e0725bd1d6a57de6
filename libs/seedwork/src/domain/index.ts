// The domain building blocks, imported as '#seedwork/domain' by apps' domain layers: nothing here
// loads Nest, TypeORM or any I/O, so a domain stays free of them at run time too.
export * from './aggregate-root.js';
export * from './business-rule.js';
export * from './domain-error.js';
export * from './domain-event.js';
export * from './entity.js';
export * from './value-object.js';
export * from './new-id.js';
