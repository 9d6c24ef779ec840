import { formatNumber, plural } from './format.js';

/** Values a store error quotes (`CrmError.params`). */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** Ukrainian, the default language. Keys are dotted (`area.what`) so they never meet a host page's own terms. */
export const uk = {
  $code: 'uk',
  $name: 'Українська',
  $dir: 'ltr' as const,

  'common.loading': 'Завантаження…',
  'common.loadFailed': 'Не вдалося завантажити дані',
  'common.retry': 'Спробувати ще раз',
  'common.records': (count: number) =>
    `${formatNumber('uk', count)} ${plural('uk', count, { one: 'запис', few: 'записи', many: 'записів', other: 'запису' })}`,

  'error.required': 'Заповніть це поле',
  'error.tooLong': ({ limit }: ErrorParams) => `Не більше ${formatNumber('uk', Number(limit))} символів`,
  'error.currency': 'Код валюти — три латинські літери, наприклад UAH',
  'error.unknownSetting': 'Такого налаштування немає',
  'error.notFound': 'Запис не знайдено: можливо, його вже видалено',
  'error.storage': 'Браузер не зміг зберегти дані. Перевірте вільне місце й спробуйте ще раз',

  'storage.title': 'Сховище браузера',
  'storage.usage': (used: string, quota: string) => `Використано ${used} з ${quota}`,
  'storage.unknown': 'Браузер не повідомляє, скільки місця зайнято',
  'storage.persisted': 'Дані збережено постійно: браузер не видалить їх сам',
  'storage.notPersisted': 'Браузер може видалити дані, коли йому забракне місця',
  'storage.persist': 'Зберігати постійно',
  'storage.persistDenied': 'Браузер не дозволив постійне зберігання',

  'shell.sections': 'Розділи',
  'shell.overview': 'Огляд',
  'shell.settings': 'Налаштування',
  'shell.language': 'Мова',
  'shell.theme': 'Тема',
  'shell.themeSystem': 'Як у системі',
  'shell.themeLight': 'Світла',
  'shell.themeDark': 'Темна',
  'shell.welcome': 'Ваша CRM працює в браузері й без інтернету. Розділи з’являтимуться тут, щойно вони будуть готові.',
  'shell.businessName': 'Назва підприємства',
  'shell.save': 'Зберегти',
  'shell.saved': 'Збережено',
};
