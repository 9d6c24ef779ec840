import type { EnglishOf } from '../catalogue.js';

/** Texts of `crm-customer-classification`. */
export const classificationUk = {
};

export const classificationEn: EnglishOf<typeof classificationUk> = {
};
