/**
 * The public surface of ClientTabs: exactly the globals Apps Script sees. build.mjs turns every
 * export below into a top-level `function` in dist/Code.js, with the JSDoc of its declaration.
 * Anything not exported here is private to the bundle and cannot be called via google.script.run.
 */
export { onOpen, onInstall, menuShowHelp, menuShowFormulas, menuCheckSpreadsheet } from './ui/entrypoints';
export {
  CLIENT_LTV,
  CLIENT_LIFESPAN,
  CLIENT_CHURN,
  CLIENT_RETENTION,
  CLIENT_MAX_CAC,
  CLIENT_PROGRESS,
  CLIENT_TREND,
  CLIENT_HEALTH,
  CLIENT_NEXT_CHECKIN,
  CLIENT_DAYS_LATE,
  CLIENT_EFFECTIVE_RATE,
  CLIENT_PROFIT,
  CLIENT_BEST_ACHIEVED,
} from './formulas';
export {
  menuSetUpWorkbook,
  menuNewClient,
  menuAdoptTabs,
  menuCheckIn,
  menuCheckInThisClient,
  menuClientCard,
  menuRefreshDashboard,
  menuRecordPayment,
  menuLogRequest,
  menuOffboardClient,
  menuEditClient,
  menuPortfolioReview,
  menuActOnReviewRow,
} from './ui/workbook-entrypoints';
export {
  rpcListClients,
  rpcGetDueList,
  rpcGetCheckInForm,
  rpcSaveCheckIn,
  rpcSkipCheckIn,
  rpcGetClientCard,
  rpcGetNewClientDefaults,
  rpcCreateClient,
  rpcGetClientEdit,
  rpcEditClient,
  rpcScanForAdoption,
  rpcAdoptTabs,
  rpcRecordPayment,
  rpcLogRequest,
  rpcGetInvoices,
  rpcPayInvoice,
  rpcCreateInvoice,
  rpcDecideRequest,
  rpcOffboardClient,
  rpcGetBoot,
  rpcRunSelfCheck,
  rpcGetClientNotes,
  rpcSaveConversation,
  rpcSaveNeed,
  rpcMakeProgressReport,
} from './ui/rpc';
export { rpcRecordRaise, rpcSetClientHours, rpcGetClientProfit } from './ui/rpc-advice';
export { rpcGetMetricHistory } from './ui/rpc-expectations';
export { CLIENTTABS_PROBE } from './formulas/probe';
