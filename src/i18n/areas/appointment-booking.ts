import type { EnglishOf } from '../catalogue.js';
import { formatNumber, plural } from '../format.js';

/** Texts of the appointment booking and first-free-slot dialogs. */
export const bookingUk = {
  'booking.title': 'Запис на прийом',
  'booking.submit': 'Записати',
  'booking.clientHint': 'Ім’я, телефон, пошта або код; стрілки вибирають, Enter підтверджує',
  'booking.clients': 'Знайдені клієнти й ліди',
  'booking.results': (count: number) =>
    count === 0
      ? 'Нічого не знайдено'
      : `Знайдено ${formatNumber('uk', count)} ${plural('uk', count, { one: 'варіант', few: 'варіанти', many: 'варіантів', other: 'варіанта' })}`,
  'booking.kind.counterparty': 'клієнт',
  'booking.kind.lead': 'лід',
  'booking.newLead': 'Новий лід',
  'booking.newLeadHint': 'Лід буде створено під час запису.',
  'booking.findExisting': 'Знайти наявного',
  'booking.service': 'Послуга',
  'booking.chooseService': 'Виберіть послугу',
  'booking.serviceOption': (name: string, minutes: number, price: string) => `${name} · ${formatNumber('uk', minutes)} хв · ${price}`,
  'booking.specialist': 'Фахівець',
  'booking.chooseSpecialist': 'Виберіть фахівця',
  'booking.date': 'Дата',
  'booking.time': 'Початок',
  'booking.span': (range: string) => `Прийом: ${range}`,
  'booking.slots.title': 'Перший вільний час',
  'booking.slots.anySpecialist': 'Будь-який фахівець',
  'booking.slots.from': 'Шукати від',
  'booking.slots.chooseService': 'Виберіть послугу, щоб побачити вільний час.',
  'booking.slots.loading': 'Шукаємо вільний час…',
  'booking.slots.none': (date: string) => `До ${date} вільного часу немає.`,
  'booking.slots.until': (count: number, date: string) =>
    `${formatNumber('uk', count)} ${plural('uk', count, { one: 'вільне вікно', few: 'вільні вікна', many: 'вільних вікон', other: 'вільного вікна' })} до ${date}`,
  'booking.slots.more': 'Показати наступні дні',
  'booking.slots.list': 'Вільний час',
  'booking.slots.booked': (time: string) => `Записано на ${time}`,
};

export const bookingEn: EnglishOf<typeof bookingUk> = {
  'booking.title': 'Book an appointment',
  'booking.submit': 'Book',
  'booking.clientHint': 'Name, phone, e-mail or tax code; arrows choose, Enter confirms',
  'booking.clients': 'Clients and leads found',
  'booking.results': (count: number) =>
    count === 0 ? 'Nothing found' : `${formatNumber('en', count)} ${plural('en', count, { one: 'match', other: 'matches' })} found`,
  'booking.kind.counterparty': 'client',
  'booking.kind.lead': 'lead',
  'booking.newLead': 'New lead',
  'booking.newLeadHint': 'The lead is created when you book.',
  'booking.findExisting': 'Find an existing one',
  'booking.service': 'Service',
  'booking.chooseService': 'Choose a service',
  'booking.serviceOption': (name: string, minutes: number, price: string) => `${name} · ${formatNumber('en', minutes)} min · ${price}`,
  'booking.specialist': 'Specialist',
  'booking.chooseSpecialist': 'Choose a specialist',
  'booking.date': 'Date',
  'booking.time': 'Start time',
  'booking.span': (range: string) => `Appointment: ${range}`,
  'booking.slots.title': 'First free slot',
  'booking.slots.anySpecialist': 'Any specialist',
  'booking.slots.from': 'Search from',
  'booking.slots.chooseService': 'Choose a service to see free time.',
  'booking.slots.loading': 'Looking for free time…',
  'booking.slots.none': (date: string) => `No free time until ${date}.`,
  'booking.slots.until': (count: number, date: string) =>
    `${formatNumber('en', count)} free ${plural('en', count, { one: 'slot', other: 'slots' })} until ${date}`,
  'booking.slots.more': 'Show later days',
  'booking.slots.list': 'Free time',
  'booking.slots.booked': (time: string) => `Booked for ${time}`,
};
