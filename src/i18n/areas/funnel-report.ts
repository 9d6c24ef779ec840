import type { EnglishOf } from '../catalogue.js';

/** Texts of `crm-funnel-report`. */
export const funnelReportUk = {
};

export const funnelReportEn: EnglishOf<typeof funnelReportUk> = {
};
