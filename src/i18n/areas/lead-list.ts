import type { EnglishOf } from '../catalogue.js';

/** Texts of `crm-lead-list`. */
export const leadListUk = {
};

export const leadListEn: EnglishOf<typeof leadListUk> = {
};
