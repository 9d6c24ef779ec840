import type { CrmTranslation } from './catalogue.js';
import { formatNumber, plural } from './format.js';
import type { ErrorParams } from './uk.js';

/** English. */
export const en: CrmTranslation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  'common.loading': 'Loading…',
  'common.loadFailed': 'Could not load the data',
  'common.retry': 'Try again',
  'common.records': (count: number) =>
    `${formatNumber('en', count)} ${plural('en', count, { one: 'record', other: 'records' })}`,

  'error.required': 'Fill in this field',
  'error.tooLong': ({ limit }: ErrorParams) => `At most ${formatNumber('en', Number(limit))} characters`,
  'error.currency': 'A currency code is three Latin letters, such as UAH',
  'error.unknownSetting': 'There is no such setting',
  'error.notFound': 'Record not found: it may have been deleted',
  'error.storage': 'The browser could not save the data. Check free space and try again',

  'storage.title': 'Browser storage',
  'storage.usage': (used: string, quota: string) => `${used} of ${quota} used`,
  'storage.unknown': 'The browser does not report how much space is used',
  'storage.persisted': 'Data is stored persistently: the browser will not delete it by itself',
  'storage.notPersisted': 'The browser may delete the data when it runs short of space',
  'storage.persist': 'Store persistently',
  'storage.persistDenied': 'The browser did not allow persistent storage',

  'shell.sections': 'Sections',
  'shell.overview': 'Overview',
  'shell.settings': 'Settings',
  'shell.language': 'Language',
  'shell.theme': 'Theme',
  'shell.themeSystem': 'System',
  'shell.themeLight': 'Light',
  'shell.themeDark': 'Dark',
  'shell.welcome': 'Your CRM runs in the browser and works offline. Sections appear here as they are finished.',
  'shell.businessName': 'Business name',
  'shell.save': 'Save',
  'shell.saved': 'Saved',
};
