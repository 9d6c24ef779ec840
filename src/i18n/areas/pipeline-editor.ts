import type { EnglishOf } from '../catalogue.js';

/** Texts of `crm-pipeline-editor`. */
export const pipelineEditorUk = {
};

export const pipelineEditorEn: EnglishOf<typeof pipelineEditorUk> = {
};
