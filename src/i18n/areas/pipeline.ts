import type { EnglishOf } from '../catalogue.js';
import { formatNumber, plural } from '../format.js';

const ukCount = (count: number) => formatNumber('uk', count);
const enCount = (count: number) => formatNumber('en', count);

/** Texts of `crm-deal-pipeline`. */
export const pipelineUk = {
  'pipeline.boardTotal': (count: number, sum: string) =>
    `${ukCount(count)} ${plural('uk', count, { one: 'відкрита угода', few: 'відкриті угоди', many: 'відкритих угод', other: 'відкритої угоди' })} на ${sum}`,
  'pipeline.deals': (count: number) =>
    `${ukCount(count)} ${plural('uk', count, { one: 'угода', few: 'угоди', many: 'угод', other: 'угоди' })}`,
  'pipeline.notFound': 'Воронку не знайдено: можливо, її видалено',
  'pipeline.noPipelines': 'Ще немає жодної воронки продажів',
  'pipeline.noDeals': 'У воронці поки немає відкритих угод',
  'pipeline.emptyStage': 'Немає угод',
  'pipeline.stageDeals': (stage: string) => `Угоди етапу «${stage}»`,
  'pipeline.shown': (shown: number, total: number) => `Показано ${ukCount(shown)} з ${ukCount(total)}`,
  'pipeline.showMore': 'Показати ще',
  'pipeline.won': 'Виграно',
  'pipeline.lost': 'Втрачено',
  'pipeline.wonHint': 'Перетягніть сюди угоду, щоб закрити її як виграну',
  'pipeline.lostHint': 'Перетягніть сюди угоду, щоб закрити її як втрачену',
  'pipeline.dropHere': 'Покладіть угоду сюди',
  'pipeline.noManager': 'Без менеджера',
  'pipeline.unknownClient': 'Клієнта не знайдено',
  'pipeline.daysInStage': (days: number) =>
    days < 1
      ? 'Сьогодні на етапі'
      : `${ukCount(days)} ${plural('uk', days, { one: 'день', few: 'дні', many: 'днів', other: 'дня' })} на етапі`,
  'pipeline.nothingPlanned': 'Нічого не заплановано',
  'pipeline.task': 'Завдання',
  'pipeline.next': (what: string, when: string) => `${what} ${when}`,
  'pipeline.overdue': 'прострочено',
  'pipeline.moveDeal': (title: string) => `Перемістити угоду «${title}»`,
  'pipeline.moveMenu': (title: string) => `Куди перемістити угоду «${title}»`,
  'pipeline.toWon': 'Закрити як виграну',
  'pipeline.toLost': 'Закрити як втрачену…',
  'pipeline.help':
    'Пробіл — взяти угоду; стрілки вліво й вправо — вибрати етап; пробіл або Enter — покласти; Escape — скасувати. Enter — відкрити угоду.',
  'pipeline.pickedUp': (title: string, stage: string) =>
    `Угоду «${title}» взято з етапу «${stage}». Виберіть етап стрілками вліво й вправо, покладіть пробілом або Enter, Escape — скасувати`,
  'pipeline.over': (title: string, stage: string, position: number, total: number) =>
    `Угоду «${title}» переміщено на етап «${stage}», ${ukCount(position)} з ${ukCount(total)}`,
  'pipeline.overWon': (title: string) => `Угоду «${title}» над «Виграно»: покладіть, щоб закрити її як виграну`,
  'pipeline.overLost': (title: string) => `Угоду «${title}» над «Втрачено»: покладіть, щоб закрити її як втрачену`,
  'pipeline.moved': (title: string, stage: string) => `Угоду «${title}» покладено на етап «${stage}»`,
  'pipeline.markedWon': (title: string) => `Угоду «${title}» закрито як виграну`,
  'pipeline.markedLost': (title: string) => `Угоду «${title}» закрито як втрачену`,
  'pipeline.cancelled': (title: string) => `Переміщення угоди «${title}» скасовано`,
  'pipeline.vetoed': (title: string) => `Угоду «${title}» зараз не можна перемістити`,
  'pipeline.failed': (title: string, reason: string) => `Не вдалося перемістити угоду «${title}»: ${reason}`,
};

export const pipelineEn: EnglishOf<typeof pipelineUk> = {
  'pipeline.boardTotal': (count: number, sum: string) =>
    `${enCount(count)} ${plural('en', count, { one: 'open deal', other: 'open deals' })} worth ${sum}`,
  'pipeline.deals': (count: number) => `${enCount(count)} ${plural('en', count, { one: 'deal', other: 'deals' })}`,
  'pipeline.notFound': 'Pipeline not found: it may have been deleted',
  'pipeline.noPipelines': 'There are no sales pipelines yet',
  'pipeline.noDeals': 'No open deals in this pipeline yet',
  'pipeline.emptyStage': 'No deals',
  'pipeline.stageDeals': (stage: string) => `Deals in “${stage}”`,
  'pipeline.shown': (shown: number, total: number) => `Showing ${enCount(shown)} of ${enCount(total)}`,
  'pipeline.showMore': 'Show more',
  'pipeline.won': 'Won',
  'pipeline.lost': 'Lost',
  'pipeline.wonHint': 'Drag a deal here to close it as won',
  'pipeline.lostHint': 'Drag a deal here to close it as lost',
  'pipeline.dropHere': 'Drop the deal here',
  'pipeline.noManager': 'No manager',
  'pipeline.unknownClient': 'Client not found',
  'pipeline.daysInStage': (days: number) =>
    days < 1 ? 'New in stage today' : `${enCount(days)} ${plural('en', days, { one: 'day', other: 'days' })} in stage`,
  'pipeline.nothingPlanned': 'Nothing planned',
  'pipeline.task': 'Task',
  'pipeline.next': (what: string, when: string) => `${what} ${when}`,
  'pipeline.overdue': 'overdue',
  'pipeline.moveDeal': (title: string) => `Move deal “${title}”`,
  'pipeline.moveMenu': (title: string) => `Where to move deal “${title}”`,
  'pipeline.toWon': 'Close as won',
  'pipeline.toLost': 'Close as lost…',
  'pipeline.help':
    'Space picks a deal up; Left and Right arrows choose a stage; Space or Enter drops it; Escape cancels. Enter opens the deal.',
  'pipeline.pickedUp': (title: string, stage: string) =>
    `Picked up deal “${title}” from stage “${stage}”. Choose a stage with the Left and Right arrows, drop with Space or Enter, Escape cancels`,
  'pipeline.over': (title: string, stage: string, position: number, total: number) =>
    `Deal “${title}” moved to stage “${stage}”, ${enCount(position)} of ${enCount(total)}`,
  'pipeline.overWon': (title: string) => `Deal “${title}” over “Won”: drop it to close it as won`,
  'pipeline.overLost': (title: string) => `Deal “${title}” over “Lost”: drop it to close it as lost`,
  'pipeline.moved': (title: string, stage: string) => `Deal “${title}” dropped on stage “${stage}”`,
  'pipeline.markedWon': (title: string) => `Deal “${title}” closed as won`,
  'pipeline.markedLost': (title: string) => `Deal “${title}” closed as lost`,
  'pipeline.cancelled': (title: string) => `Moving deal “${title}” cancelled`,
  'pipeline.vetoed': (title: string) => `Deal “${title}” cannot be moved now`,
  'pipeline.failed': (title: string, reason: string) => `Could not move deal “${title}”: ${reason}`,
};
