/** The CLIENT_* custom functions, as `src/main.ts` re-exports them. */
export { CLIENT_CHURN } from './churn';
export { CLIENT_LIFESPAN } from './lifespan';
export { CLIENT_LTV } from './ltv';
export { CLIENT_MAX_CAC } from './max-cac';
export { CLIENT_PROGRESS } from './progress';
export { CLIENT_RETENTION } from './retention';
export { CLIENT_TREND } from './trend';
