import type { EnglishOf } from '../catalogue.js';

/** Texts of `crm-lead-card`. */
export const leadCardUk = {
};

export const leadCardEn: EnglishOf<typeof leadCardUk> = {
};
