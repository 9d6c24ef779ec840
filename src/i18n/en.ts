import type { CrmTranslation } from './catalogue.js';
import { formatNumber, plural } from './format.js';
import type { ErrorParams } from './uk.js';
import { domainEn } from './areas/domain.js';
import { leadCardEn } from './areas/lead-card.js';
import { leadListEn } from './areas/lead-list.js';
import { pipelineEn } from './areas/pipeline.js';
import { pipelineEditorEn } from './areas/pipeline-editor.js';
import { interactionLogEn } from './areas/interaction-log.js';
import { remindersEn } from './areas/reminders.js';
import { journalEn } from './areas/appointment-journal.js';
import { bookingEn } from './areas/appointment-booking.js';
import { funnelReportEn } from './areas/funnel-report.js';
import { classificationEn } from './areas/customer-classification.js';

/** English. */
export const en: CrmTranslation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',

  'common.loading': 'Loading…',
  'common.loadFailed': 'Could not load the data',
  'common.retry': 'Try again',
  'common.rows': (count: number) =>
    `${formatNumber('en', count)} ${plural('en', count, { one: 'row', other: 'rows' })}`,

  'error.required': 'Fill in this field',
  'error.tooLong': ({ limit }: ErrorParams) => `At most ${formatNumber('en', Number(limit))} characters`,
  'error.invalid': 'This value is not allowed',
  'error.currency': 'A currency code is three Latin letters, such as UAH',
  'error.amount': 'The amount must be a number, zero or more',
  'error.percent': 'Enter a percentage from 0 to 100',
  'error.quantity': 'The quantity must be greater than zero',
  'error.date': 'Enter a date',
  'error.time': 'Enter a time as HH:MM',
  'error.timeRange': 'The end time must be after the start time',
  'error.email': 'This does not look like an e-mail address',
  'error.phone': 'Check the phone number, e.g. 067 123 45 67',
  'error.url': 'This does not look like a web address',
  'error.edrpou': 'Check the EDRPOU code: it has 8 digits and seems to contain a typo',
  'error.rnokpp': 'Check the RNOKPP (tax number): it has 10 digits and seems to contain a typo',
  'error.taxCode': 'A tax code is an EDRPOU (8 digits) or an RNOKPP (10 digits)',
  'error.taxCodeKind': 'Enter an EDRPOU for a legal entity, an RNOKPP for an individual or sole proprietor',
  'error.unknownSetting': 'There is no such setting',
  'error.notFound': 'Not found: it may have been deleted',
  'error.duplicate': 'This already exists in the CRM',
  'error.openProposalExists': 'This deal already has an open proposal: change that one',
  'error.duplicateName': 'This name is already taken',
  'error.lostReasonRequired': 'Choose why it was lost',
  'error.rejectReasonRequired': 'Give the reason for the rejection',
  'error.stageNotInPipeline': 'This stage belongs to another pipeline',
  'error.stageHasDeals': 'This stage still has deals: choose where to move them',
  'error.lastStage': 'A pipeline must have at least one stage',
  'error.dealClosed': 'This deal is already closed',
  'error.leadClosed': 'This lead has already been converted or lost',
  'error.invalidTransition': 'This can’t be done in the current status',
  'error.notChecker': 'Only the assigned checker can check this task',
  'error.proposalClosed': 'This proposal has already been accepted, rejected or replaced by a newer revision',
  'error.clientNotCounterparty': 'The deal’s client is still a lead: convert it into a counterparty first',
  'error.claimClosed': 'This claim is already closed',
  'error.doubleBooking': 'The specialist is busy at this time',
  'error.outsideWorkingHours': 'This time is outside the specialist’s working hours',
  'error.dayOff': 'The specialist is off on this day',
  'error.duringBreak': 'This time falls in the specialist’s break',
  'error.serviceNotProvided': 'This specialist does not provide this service',
  'error.appointmentClosed': 'This appointment has already been cancelled or completed',
  'error.backupInvalid': 'This is not a backup of this CRM, or the file is damaged',
  'error.quotaExceeded': 'The browser has run out of space for data. Free up disk space or delete data you no longer need',
  'error.upgradeBlocked': 'An older version of the CRM is open in another tab. Close that tab and reload this page',
  'error.storage': 'The browser could not save the data. Check free space and try again',

  'storage.title': 'Browser storage',
  'storage.usage': (used: string, quota: string, share: string) => `${used} of ${quota} used (${share})`,
  'storage.shareBelow': (limit: string) => `under ${limit}`,
  'storage.unknown': 'The browser does not report how much space is used',
  'storage.persisted': 'Data is stored persistently: the browser will not delete it by itself',
  'storage.notPersisted': 'The browser may delete the data when it runs short of space',
  'storage.persist': 'Store persistently',
  'storage.persistDenied': 'The browser did not allow persistent storage',
  'storage.persistGranted': 'Done: the browser will keep the data persistently',

  'shell.appName': 'CRM',
  'shell.sections': 'Sections',
  'shell.overview': 'Overview',
  'shell.settings': 'Settings',
  'shell.language': 'Language',
  'shell.theme': 'Theme',
  'shell.themeSystem': 'Same as system',
  'shell.themeLight': 'Light',
  'shell.themeDark': 'Dark',
  'shell.welcome': 'Your CRM runs in the browser and works offline: the data is kept on this device.',
  'shell.leads': 'Leads',
  'shell.deals': 'Deals',
  'shell.chooseLead': 'Choose a lead in the list to open its card',
  'shell.stages': 'Pipeline stages',
  'shell.interactions': 'Interactions',
  'shell.journal': 'Appointments',
  'shell.unprocessed': 'Unprocessed requests',
  'shell.history': 'All history',
  'shell.reports': 'Reports',
  'shell.businessName': 'Company name',
  'shell.save': 'Save',
  'shell.saved': 'Saved',

  ...domainEn,
  ...leadCardEn,
  ...leadListEn,
  ...pipelineEn,
  ...pipelineEditorEn,
  ...interactionLogEn,
  ...remindersEn,
  ...journalEn,
  ...bookingEn,
  ...funnelReportEn,
  ...classificationEn,
};
