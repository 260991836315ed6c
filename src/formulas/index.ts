/** The CLIENT_* custom functions, as `src/main.ts` re-exports them. */
export { CLIENT_CHURN } from './churn';
export { CLIENT_LIFESPAN } from './lifespan';
export { CLIENT_LTV } from './ltv';
export { CLIENT_MAX_CAC } from './max-cac';
export { CLIENT_PROGRESS } from './progress';
export { CLIENT_RETENTION } from './retention';
export { CLIENT_TREND } from './trend';
export { CLIENT_HEALTH } from './health';
export { CLIENT_NEXT_CHECKIN } from './next-checkin';
export { CLIENT_DAYS_LATE } from './days-late';
export { CLIENT_EFFECTIVE_RATE, CLIENT_PROFIT } from './profit';
export { CLIENT_BEST_ACHIEVED } from './best-achieved';
