import { formatNumber, plural } from './format.js';
import { domainUk } from './areas/domain.js';
import { leadCardUk } from './areas/lead-card.js';
import { leadListUk } from './areas/lead-list.js';
import { pipelineUk } from './areas/pipeline.js';
import { pipelineEditorUk } from './areas/pipeline-editor.js';
import { interactionLogUk } from './areas/interaction-log.js';
import { remindersUk } from './areas/reminders.js';
import { journalUk } from './areas/appointment-journal.js';
import { bookingUk } from './areas/appointment-booking.js';
import { funnelReportUk } from './areas/funnel-report.js';
import { classificationUk } from './areas/customer-classification.js';

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
  'common.rows': (count: number) =>
    `${formatNumber('uk', count)} ${plural('uk', count, { one: 'рядок', few: 'рядки', many: 'рядків', other: 'рядка' })}`,

  'error.required': 'Заповніть це поле',
  'error.tooLong': ({ limit }: ErrorParams) => `Не більше ${formatNumber('uk', Number(limit))} символів`,
  'error.invalid': 'Неприпустиме значення',
  'error.currency': 'Код валюти — три латинські літери, наприклад UAH',
  'error.amount': 'Сума має бути числом, не меншим за нуль',
  'error.percent': 'Відсоток — від 0 до 100',
  'error.quantity': 'Кількість має бути більшою за нуль',
  'error.date': 'Вкажіть дату',
  'error.time': 'Вкажіть час у форматі ГГ:ХХ',
  'error.timeRange': 'Час завершення має бути пізнішим за час початку',
  'error.email': 'Це не схоже на адресу електронної пошти',
  'error.phone': 'Перевірте номер телефону, наприклад 067 123 45 67',
  'error.url': 'Це не схоже на адресу сайту',
  'error.edrpou': 'Перевірте код ЄДРПОУ: він має 8 цифр, і в ньому, схоже, помилка',
  'error.rnokpp': 'Перевірте РНОКПП (ІПН): він має 10 цифр, і в ньому, схоже, помилка',
  'error.taxCode': 'Податковий код — ЄДРПОУ (8 цифр) або РНОКПП (10 цифр)',
  'error.taxCodeKind': 'Для юридичної особи вкажіть ЄДРПОУ, для фізичної особи чи ФОП — РНОКПП (ІПН)',
  'error.unknownSetting': 'Такого налаштування немає',
  'error.notFound': 'Не знайдено: можливо, це вже видалено',
  'error.duplicate': 'Такі дані вже є в CRM',
  'error.openProposalExists': 'Для угоди вже є чинна пропозиція — змініть її',
  'error.duplicateName': 'Така назва вже є — виберіть іншу',
  'error.lostReasonRequired': 'Виберіть причину втрати',
  'error.rejectReasonRequired': 'Вкажіть причину відмови',
  'error.stageNotInPipeline': 'Цей етап належить іншій воронці',
  'error.stageHasDeals': 'На етапі є угоди: виберіть, куди їх перенести',
  'error.lastStage': 'У воронці має лишитися хоча б один етап',
  'error.dealClosed': 'Угоду вже закрито',
  'error.leadClosed': 'Лід уже перетворено або втрачено',
  'error.invalidTransition': 'У поточному статусі цю дію виконати не можна',
  'error.notChecker': 'Перевірити завдання може лише призначений перевіряючий',
  'error.proposalClosed': 'Пропозицію вже прийнято, відхилено або замінено новою редакцією',
  'error.clientNotCounterparty': 'Клієнт угоди — ще лід: спершу перетворіть його на контрагента',
  'error.claimClosed': 'Претензію вже закрито',
  'error.doubleBooking': 'Фахівець у цей час уже зайнятий',
  'error.outsideWorkingHours': 'Цей час поза робочими годинами фахівця',
  'error.dayOff': 'У фахівця цього дня вихідний',
  'error.duringBreak': 'Цей час припадає на перерву фахівця',
  'error.serviceNotProvided': 'Цей фахівець не надає цієї послуги',
  'error.appointmentClosed': 'Запис уже скасовано або завершено',
  'error.backupInvalid': 'Це не резервна копія цієї CRM, або файл пошкоджено',
  'error.quotaExceeded': 'У браузері закінчилося місце для даних. Звільніть місце на диску або видаліть непотрібні дані',
  'error.upgradeBlocked': 'В іншій вкладці відкрито стару версію CRM. Закрийте ту вкладку й оновіть цю сторінку',
  'error.storage': 'Браузер не зміг зберегти дані. Перевірте вільне місце й спробуйте ще раз',

  'storage.title': 'Сховище браузера',
  'storage.usage': (used: string, quota: string, share: string) => `Використано ${used} з ${quota} (${share})`,
  'storage.shareBelow': (limit: string) => `менше ${limit}`,
  'storage.unknown': 'Браузер не повідомляє, скільки місця зайнято',
  'storage.persisted': 'Дані збережено постійно: браузер не видалить їх сам',
  'storage.notPersisted': 'Браузер може видалити дані, коли йому забракне місця',
  'storage.persist': 'Зберігати постійно',
  'storage.persistDenied': 'Браузер не дозволив постійне зберігання',
  'storage.persistGranted': 'Готово: браузер зберігатиме дані постійно',

  'shell.appName': 'CRM',
  'shell.sections': 'Розділи',
  'shell.overview': 'Огляд',
  'shell.settings': 'Налаштування',
  'shell.language': 'Мова',
  'shell.theme': 'Тема',
  'shell.themeSystem': 'Як у системі',
  'shell.themeLight': 'Світла',
  'shell.themeDark': 'Темна',
  'shell.welcome': 'Ваша CRM працює в браузері й без інтернету: дані зберігаються на цьому пристрої.',
  'shell.leads': 'Ліди',
  'shell.deals': 'Угоди',
  'shell.chooseLead': 'Виберіть ліда в списку, щоб відкрити його картку',
  'shell.stages': 'Етапи воронки',
  'shell.interactions': 'Взаємодії',
  'shell.journal': 'Журнал записів',
  'shell.unprocessed': 'Неопрацьовані звернення',
  'shell.history': 'Уся історія',
  'shell.reports': 'Звіти',
  'shell.businessName': 'Назва компанії',
  'shell.save': 'Зберегти',
  'shell.saved': 'Збережено',

  ...domainUk,
  ...leadCardUk,
  ...leadListUk,
  ...pipelineUk,
  ...pipelineEditorUk,
  ...interactionLogUk,
  ...remindersUk,
  ...journalUk,
  ...bookingUk,
  ...funnelReportUk,
  ...classificationUk,
};
