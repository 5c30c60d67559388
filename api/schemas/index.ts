// Request schemas: what every route parses its path, query, headers and body with. The route
// declarations (api/routes) and the contract's components (api/contract) both import them from
// here, so neither needs the other to know a request's shape.
export * from './common';
export * from './cases';
export * from './calendar';
export * from './consultations';
export * from './firms';
export * from './notifications';
export * from './reports';
export * from './signIn';
export * from './sla';
export * from './audit';
export * from './staff';
export * from './surveyNetwork';
export * from './screening';
export * from './matchingEvents';
export * from './leads';
export * from './firmApplications';
