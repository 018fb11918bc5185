export * from './tenantId';
export * from './qualification';
