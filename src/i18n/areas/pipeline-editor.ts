import type { EnglishOf } from '../catalogue.js';
import { formatNumber, plural } from '../format.js';

/** `5 угод` (nominative: «на етапі 5 угод»). */
const dealsUk = (count: number) =>
  `${formatNumber('uk', count)} ${plural('uk', count, { one: 'угода', few: 'угоди', many: 'угод', other: 'угоди' })}`;
/** `5 угод` (accusative: «перенесено 1 угоду»). */
const dealsMovedUk = (count: number) =>
  `${formatNumber('uk', count)} ${plural('uk', count, { one: 'угоду', few: 'угоди', many: 'угод', other: 'угоди' })}`;
const dealsEn = (count: number) => `${formatNumber('en', count)} ${plural('en', count, { one: 'deal', other: 'deals' })}`;

/** Texts of `crm-pipeline-editor`. */
export const pipelineEditorUk = {
  'pipelineEditor.title': 'Етапи воронки',
  'pipelineEditor.titleOf': (pipeline: string) => `Етапи воронки «${pipeline}»`,
  'pipelineEditor.notFound': 'Такої воронки немає: можливо, її видалено',
  'pipelineEditor.hint': 'Порядок етапів змінюють кнопки ↑ і ↓, клавіші Alt + ↑ і Alt + ↓ на рядку етапу або перетягування.',
  'pipelineEditor.deals': dealsUk,

  'pipelineEditor.renameShort': 'Перейменувати',
  'pipelineEditor.rename': (stage: string) => `Перейменувати етап «${stage}»`,
  'pipelineEditor.newName': (stage: string) => `Нова назва етапу «${stage}»`,
  'pipelineEditor.moveUp': (stage: string) => `Перемістити етап «${stage}» вище`,
  'pipelineEditor.moveDown': (stage: string) => `Перемістити етап «${stage}» нижче`,
  'pipelineEditor.drag': (stage: string) => `Перетягнути етап «${stage}»`,
  'pipelineEditor.remove': (stage: string) => `Видалити етап «${stage}»`,

  'pipelineEditor.addTitle': 'Новий етап',
  'pipelineEditor.stageName': 'Назва етапу',
  'pipelineEditor.placement': 'Де додати',
  'pipelineEditor.atEnd': 'У кінці',
  'pipelineEditor.atStart': 'На початку',
  'pipelineEditor.after': (stage: string) => `Після «${stage}»`,
  'pipelineEditor.addStage': 'Додати етап',

  'pipelineEditor.renamePipeline': 'Перейменувати воронку',
  'pipelineEditor.pipelineName': 'Назва воронки',

  'pipelineEditor.removeTitle': (stage: string) => `Видалити етап «${stage}»?`,
  'pipelineEditor.removeEmpty': 'На цьому етапі немає угод, тож нічого переносити не треба.',
  'pipelineEditor.removeHasDeals': (count: number) =>
    `На цьому етапі ${dealsUk(count)} (відкриті й закриті). Виберіть етап, на який їх перенести: перенесення запишеться в історію кожної угоди.`,
  'pipelineEditor.moveDealsTo': 'Перенести угоди на етап',
  'pipelineEditor.chooseStage': 'Виберіть етап',
  'pipelineEditor.confirmRemove': 'Видалити етап',

  'pipelineEditor.added': (stage: string, position: number, total: number) => `Етап «${stage}» додано: ${position} з ${total}`,
  'pipelineEditor.renamed': (from: string, to: string) => `Етап «${from}» перейменовано на «${to}»`,
  'pipelineEditor.moved': (stage: string, position: number, total: number) => `Етап «${stage}» переміщено: ${position} з ${total}`,
  'pipelineEditor.alreadyFirst': (stage: string) => `Етап «${stage}» уже перший`,
  'pipelineEditor.alreadyLast': (stage: string) => `Етап «${stage}» уже останній`,
  'pipelineEditor.removed': (stage: string) => `Етап «${stage}» видалено`,
  'pipelineEditor.removedMoved': (stage: string, count: number, target: string) =>
    `Етап «${stage}» видалено, ${dealsMovedUk(count)} перенесено на етап «${target}»`,
  'pipelineEditor.pipelineRenamed': (name: string) => `Воронку перейменовано на «${name}»`,
  'pipelineEditor.renameCancelled': 'Перейменування скасовано',
  'pipelineEditor.vetoed': 'Цю зміну не дозволено, нічого не змінилося',
};

export const pipelineEditorEn: EnglishOf<typeof pipelineEditorUk> = {
  'pipelineEditor.title': 'Pipeline stages',
  'pipelineEditor.titleOf': (pipeline: string) => `Stages of “${pipeline}”`,
  'pipelineEditor.notFound': 'There is no such pipeline: it may have been deleted',
  'pipelineEditor.hint': 'Reorder stages with the ↑ and ↓ buttons, with Alt + ↑ and Alt + ↓ on a stage’s row, or by dragging.',
  'pipelineEditor.deals': dealsEn,

  'pipelineEditor.renameShort': 'Rename',
  'pipelineEditor.rename': (stage: string) => `Rename stage “${stage}”`,
  'pipelineEditor.newName': (stage: string) => `New name of stage “${stage}”`,
  'pipelineEditor.moveUp': (stage: string) => `Move stage “${stage}” up`,
  'pipelineEditor.moveDown': (stage: string) => `Move stage “${stage}” down`,
  'pipelineEditor.drag': (stage: string) => `Drag stage “${stage}”`,
  'pipelineEditor.remove': (stage: string) => `Remove stage “${stage}”`,

  'pipelineEditor.addTitle': 'New stage',
  'pipelineEditor.stageName': 'Stage name',
  'pipelineEditor.placement': 'Where',
  'pipelineEditor.atEnd': 'At the end',
  'pipelineEditor.atStart': 'At the start',
  'pipelineEditor.after': (stage: string) => `After “${stage}”`,
  'pipelineEditor.addStage': 'Add stage',

  'pipelineEditor.renamePipeline': 'Rename pipeline',
  'pipelineEditor.pipelineName': 'Pipeline name',

  'pipelineEditor.removeTitle': (stage: string) => `Remove stage “${stage}”?`,
  'pipelineEditor.removeEmpty': 'There are no deals at this stage, so nothing needs to move.',
  'pipelineEditor.removeHasDeals': (count: number) =>
    `This stage has ${dealsEn(count)} (open and closed). Choose the stage they move to: each deal’s history will record the move.`,
  'pipelineEditor.moveDealsTo': 'Move the deals to',
  'pipelineEditor.chooseStage': 'Choose a stage',
  'pipelineEditor.confirmRemove': 'Remove stage',

  'pipelineEditor.added': (stage: string, position: number, total: number) => `Stage “${stage}” added: ${position} of ${total}`,
  'pipelineEditor.renamed': (from: string, to: string) => `Stage “${from}” renamed to “${to}”`,
  'pipelineEditor.moved': (stage: string, position: number, total: number) => `Stage “${stage}” moved: ${position} of ${total}`,
  'pipelineEditor.alreadyFirst': (stage: string) => `Stage “${stage}” is already first`,
  'pipelineEditor.alreadyLast': (stage: string) => `Stage “${stage}” is already last`,
  'pipelineEditor.removed': (stage: string) => `Stage “${stage}” removed`,
  'pipelineEditor.removedMoved': (stage: string, count: number, target: string) =>
    `Stage “${stage}” removed, ${dealsEn(count)} moved to stage “${target}”`,
  'pipelineEditor.pipelineRenamed': (name: string) => `Pipeline renamed to “${name}”`,
  'pipelineEditor.renameCancelled': 'Renaming cancelled',
  'pipelineEditor.vetoed': 'This change is not allowed; nothing changed',
};
