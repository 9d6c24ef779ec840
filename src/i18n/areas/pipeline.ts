import type { EnglishOf } from '../catalogue.js';

/** Texts of `crm-pipeline`. */
export const pipelineUk = {
};

export const pipelineEn: EnglishOf<typeof pipelineUk> = {
};
