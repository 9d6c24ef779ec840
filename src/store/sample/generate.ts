/**
 * A deterministic, seeded generator of a believable Ukrainian business: users,
 * counterparties with valid ЄДРПОУ/РНОКПП, contacts, leads, two pipelines with
 * a year of stage history, interactions, tasks, notes, proposals, orders and
 * payments, claims, a specialists' schedule and appointments for ±4 weeks.
 * It returns plain rows per table (pure: no database), consistent with what the
 * store's operations write, so tests and benchmarks can count on them.
 */
import type { Table } from 'dexie';
import { tableNames, type CrmDatabase, type TableName } from '../database.js';
import type * as T from '../types.js';
import { leadSearchTokens } from '../leads.js';
import { contactSearchTokens } from '../contacts.js';
import { counterpartySearchTokens } from '../counterparties.js';
import { isValidEdrpou, isValidRnokpp } from '../ukrainian.js';
import { defaultStageNames } from '../pipelines.js';
import { Random } from './random.js';
import * as words from './vocabulary.js';

/** The row type of a table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RowOf<K extends TableName> = CrmDatabase[K] extends Table<infer R, any, any> ? R : never;

/** Rows per table. */
export type SampleDataset = { [K in TableName]: Array<RowOf<K>> };

export interface SampleDataOptions {
  /** The PRNG seed: the same seed and `now` give the same data. */
  seed?: number;
  /** "Today" for the data: history lies in the year before, appointments ±4 weeks around. */
  now?: number;
  /** Multiplies the counts (1 = ~600 deals; 166 ≈ 100 000 deals for benchmarks). */
  scale?: number;
}

const DAY = 86_400_000;
const UAH = 'UAH';

/** A code with a valid check digit: the prefix plus whichever last digit the validator accepts. */
function withCheckDigit(prefix: string, valid: (code: string) => boolean): string {
  for (let digit = 0; digit < 10; digit += 1) if (valid(`${prefix}${digit}`)) return `${prefix}${digit}`;
  return '';
}

function localDate(instant: number): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function atLocal(day: Date, hours: number, minutes = 0): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes).getTime();
}

export function generateSampleData(options: SampleDataOptions = {}): SampleDataset {
  const random = new Random(options.seed ?? 20_261_129);
  const now = options.now ?? Date.now();
  const scale = options.scale ?? 1;
  const count = (base: number) => Math.max(1, Math.round(base * scale));
  const id = () => random.uuid();
  const stamp = (at: number) => ({ createdAt: at, updatedAt: at });
  const yearAgo = now - 365 * DAY;
  const past = (from = yearAgo) => from + Math.floor(random.next() * (now - from));

  const data = Object.fromEntries(tableNames.map((name) => [name, []])) as unknown as SampleDataset;
  const put = <K extends TableName>(table: K, row: RowOf<K>): RowOf<K> => {
    ((data[table] ??= []) as Array<RowOf<K>>).push(row);
    return row;
  };

  const usedCodes = new Set<string>();
  const uniqueCode = (length: 8 | 10) => {
    for (;;) {
      const first = length === 8 ? random.pick(['1', '2', '3', '4', '4', '3']) : String(random.int(2, 3));
      const prefix = first + Array.from({ length: length - 2 }, () => random.int(0, 9)).join('');
      const code = withCheckDigit(prefix, length === 8 ? isValidEdrpou : isValidRnokpp);
      if (code && !usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  const person = () => {
    const female = random.chance(0.5);
    const [male, fem] = random.pick(words.surnames);
    const first = random.pick(female ? words.firstNames.female : words.firstNames.male);
    return { first, last: female ? fem : male, name: `${first} ${female ? fem : male}` };
  };
  const phone = () => `+380${random.pick(words.operatorCodes)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
  const email = (name: string) =>
    `${words.transliterate(name).replace(/\.+/g, '.')}${random.int(1, 99)}@${random.pick(words.mailDomains)}`;

  // ── settings, users, catalogues ──
  put('settings', { key: 'businessName', value: 'Майстерня «Дубовий лист»', ...stamp(yearAgo) });
  put('settings', { key: 'currency', value: UAH, ...stamp(yearAgo) });
  const managers = ['Олена Коваль', 'Андрій Мельник', 'Ірина Шевчук'].map((name) =>
    put('users', { id: id(), name, roles: ['manager'], email: email(name), phone: phone(), active: 1, ...stamp(yearAgo) }),
  );
  const specialists = ['Тарас Бондаренко', 'Марія Олійник', 'Богдан Савченко', 'Христина Руденко'].map((name) =>
    put('users', { id: id(), name, roles: ['specialist'], email: email(name), phone: phone(), active: 1, ...stamp(yearAgo) }),
  );
  put('users', { id: id(), name: 'Володимир Головатий', roles: ['admin', 'manager'], active: 1, ...stamp(yearAgo) });

  const months = Array.from({ length: 13 }, (_, i) => {
    const date = new Date(now);
    date.setDate(1);
    date.setMonth(date.getMonth() - 12 + i);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
  });
  const sources = words.sources.map((source) =>
    put('sources', {
      id: id(),
      name: source.name,
      channel: source.channel,
      plannedSpend: source.monthly ? months.map((month) => ({ month, amount: { minor: source.monthly, currency: UAH } })) : [],
      // What was really spent: within ±15 % of the plan, for the months already over (no draw from `random`, so the rest of the data stays as it was).
      ...(source.monthly
        ? {
            actualSpend: months.slice(0, -1).map((month, i) => ({
              month,
              amount: { minor: Math.round((source.monthly * (85 + ((i * 7) % 31))) / 100 / 100) * 100, currency: UAH },
            })),
          }
        : {}),
      archived: 0,
      ...stamp(yearAgo),
    }),
  );
  const tags = words.tags.map((tag) => put('tags', { id: id(), ...tag, ...stamp(yearAgo) }));
  const lostReasons = words.lostReasons.map((name) => put('lostReasons', { id: id(), name, archived: 0, ...stamp(yearAgo) }));

  // ── counterparties, contacts ──
  const counterparties: T.Counterparty[] = [];
  for (let i = 0; i < count(200); i += 1) {
    const kind = random.pick<T.CounterpartyKind>(['legal', 'legal', 'fop', 'individual']);
    const owner = person();
    const name =
      kind === 'legal'
        ? `${random.pick(words.legalForms)} «${random.pick(words.companyWords)}${i >= words.companyWords.length ? ` ${random.pick(words.cities)}` : ''}»`
        : kind === 'fop'
          ? `ФОП ${owner.name}`
          : owner.name;
    const phones = [phone()];
    const emails = [email(kind === 'legal' ? 'office' : owner.name)];
    const city = random.pick(words.cities);
    const created = past();
    const edrpou = kind === 'legal' ? uniqueCode(8) : undefined;
    const rnokpp = kind !== 'legal' ? uniqueCode(10) : undefined;
    counterparties.push(
      put('counterparties', {
        id: id(),
        kind,
        name,
        ...(edrpou ? { edrpou } : {}),
        ...(rnokpp ? { rnokpp } : {}),
        phones,
        emails,
        messengers: random.chance(0.5) ? [{ kind: 'viber', handle: phones[0]! }] : [],
        addresses: [{ kind: 'actual', city, text: `${city}, ${random.pick(words.streets)}, ${random.int(1, 120)}` }],
        tags: random.sample(tags, random.int(0, 2)).map((tag) => tag.id),
        managerId: random.pick(managers).id,
        sourceId: random.pick(sources).id,
        relationshipStage: 'potential',
        archived: 0,
        searchTokens: counterpartySearchTokens({ name, edrpou, rnokpp, phones, emails }),
        ...stamp(created),
      }),
    );
  }
  for (let i = 0; i < count(400); i += 1) {
    const who = person();
    const phones = [phone()];
    const emails = [email(who.name)];
    const created = past();
    const contact = put('contacts', {
      id: id(),
      name: who.name,
      position: random.pick(words.contactRoles),
      phones,
      emails,
      messengers: random.chance(0.4) ? [{ kind: 'telegram', handle: `@${words.transliterate(who.first)}${random.int(1, 999)}` }] : [],
      tags: [],
      archived: 0,
      searchTokens: contactSearchTokens({ name: who.name, phones, emails }),
      ...stamp(created),
    });
    for (const counterparty of random.sample(counterparties, random.chance(0.15) ? 2 : 1)) {
      put('contactLinks', { id: id(), contactId: contact.id, counterpartyId: counterparty.id, role: contact.position ?? 'Контакт', ...stamp(created) });
    }
  }

  // ── partners: a few groups of related legal entities ──
  for (let i = 0; i < count(6); i += 1) {
    const members = random.sample(counterparties.filter((c) => c.kind === 'legal' && !c.partnerId), 2);
    if (members.length < 2) break;
    const partner = put('partners', { id: id(), name: `Група «${random.pick(words.companyWords)}»`, archived: 0, ...stamp(yearAgo) });
    for (const member of members) member.partnerId = partner.id;
  }

  // ── leads ──
  const leads: T.Lead[] = [];
  for (let i = 0; i < count(150); i += 1) {
    const who = person();
    const phones = [phone()];
    const emails = random.chance(0.6) ? [email(who.name)] : [];
    const created = past(now - 120 * DAY);
    const status = random.pick<T.LeadStatus>(['new', 'new', 'new', 'in-progress', 'in-progress', 'lost']);
    const company = random.chance(0.3) ? `ТОВ «${random.pick(words.companyWords)}»` : undefined;
    leads.push(
      put('leads', {
        id: id(),
        name: who.name,
        ...(company ? { company } : {}),
        status,
        phones,
        emails,
        messengers: [],
        tags: random.chance(0.3) ? [random.pick(tags).id] : [],
        sourceId: random.pick(sources).id,
        managerId: random.pick(managers).id,
        ...(status === 'lost' ? { lostReasonId: random.pick(lostReasons).id, lostComment: 'Повернутися через пів року' } : {}),
        searchTokens: leadSearchTokens({ name: who.name, company, phones, emails }),
        ...stamp(created),
      }),
    );
  }

  // ── pipelines, deals and their history ──
  // Sales first, wholesale a minute later: the order `pipelines.list` gives, and the board a user sees first.
  const pipelineOf = (name: string, stageNames: readonly string[], at: number) => {
    const pipeline = put('pipelines', { id: id(), name, archived: 0, ...stamp(at) });
    const stages = stageNames.map((stageName, order) =>
      put('stages', { id: id(), pipelineId: pipeline.id, name: stageName, order, probability: Math.round(((order + 1) / stageNames.length) * 90), ...stamp(at) }),
    );
    return { pipeline, stages };
  };
  const pipelines = [
    pipelineOf('Продажі', defaultStageNames, yearAgo),
    pipelineOf('Оптові замовлення', words.wholesaleStages, yearAgo + 60_000),
  ];
  const deals: T.Deal[] = [];
  for (let i = 0; i < count(600); i += 1) {
    const { pipeline, stages } = random.chance(0.75) ? pipelines[0]! : pipelines[1]!;
    const client = random.chance(0.85) ? random.pick(counterparties) : random.pick(leads);
    const clientType = 'kind' in client ? 'counterparty' : 'lead';
    const created = past();
    const dealId = id();
    let at = created;
    let stageIndex = 0;
    let fromStage: string | undefined;
    const reach = random.int(0, stages.length - 1);
    const history: T.DealStageChange[] = [];
    for (; stageIndex <= reach; stageIndex += 1) {
      if (stageIndex > 0) at += random.int(1, 14) * DAY + random.int(0, 8) * 3_600_000;
      if (at > now) break;
      const stage = stages[stageIndex]!;
      history.push({ id: id(), dealId, pipelineId: pipeline.id, stageId: stage.id, ...(fromStage ? { fromStageId: fromStage } : {}), status: 'open', at, seq: history.length, userId: random.pick(managers).id, ...stamp(at) });
      fromStage = stage.id;
    }
    const current = history[history.length - 1]!;
    // Deals at the last stage are mostly won; older ones that stalled are often lost.
    let status: T.DealStatus = 'open';
    const closeAt = current.at + random.int(1, 10) * DAY;
    if (closeAt < now) {
      if (stageIndex >= stages.length && random.chance(0.8)) status = 'won';
      else if (now - current.at > 45 * DAY && random.chance(0.55)) status = 'lost';
    }
    if (status !== 'open') {
      history.push({ id: id(), dealId, pipelineId: pipeline.id, stageId: current.stageId, fromStageId: current.stageId, status, at: closeAt, seq: history.length, userId: current.userId!, ...stamp(closeAt) });
    }
    const topic = random.pick(words.dealTopics);
    const lostReasonId = status === 'lost' ? random.pick(lostReasons).id : undefined;
    const last = history[history.length - 1]!;
    deals.push(
      put('deals', {
        id: dealId,
        title: `${topic} — ${client.name}`,
        pipelineId: pipeline.id,
        stageId: current.stageId,
        status,
        amount: { minor: random.int(8, 400) * 100_000, currency: UAH },
        probability: stages.find((stage) => stage.id === current.stageId)!.probability!,
        clientType,
        clientId: client.id,
        managerId: ('managerId' in client && client.managerId) || random.pick(managers).id,
        sourceId: client.sourceId ?? random.pick(sources).id,
        expectedCloseDate: localDate(created + 60 * DAY),
        stageEnteredAt: current.at,
        ...(status !== 'open' ? { closedAt: closeAt } : {}),
        ...(lostReasonId ? { lostReasonId } : {}),
        createdAt: created,
        updatedAt: last.at,
      }),
    );
    for (const change of history) put('dealStageHistory', change);
  }

  // ── proposals, orders, payments ──
  const lineOf = () => {
    const product = random.pick(words.products);
    return {
      id: id(),
      name: product.name,
      quantity: random.int(1, 12),
      unit: product.unit,
      unitPrice: product.price,
      discountPercent: random.pick([0, 0, 5, 10]),
      vatPercent: 20,
      unitCost: product.cost,
    };
  };
  const gross = (lines: T.ProposalLine[]) =>
    lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPrice * (1 - l.discountPercent / 100) * (1 + l.vatPercent / 100)), 0);
  const cost = (lines: T.ProposalLine[]) => lines.reduce((sum, l) => sum + l.quantity * l.unitCost, 0);
  const counterpartyIds = new Set(counterparties.map((c) => c.id));
  for (const deal of deals) {
    const stages = pipelines.find((p) => p.pipeline.id === deal.pipelineId)!.stages;
    const order = stages.find((stage) => stage.id === deal.stageId)!.order;
    if (order < Math.floor(stages.length / 2)) continue;
    const lines = Array.from({ length: random.int(1, 4) }, lineOf);
    const won = deal.status === 'won' && counterpartyIds.has(deal.clientId);
    const at = deal.stageEnteredAt;
    const proposal = put('proposals', {
      id: id(),
      dealId: deal.id,
      revision: 1,
      status: won ? 'accepted' : deal.status === 'lost' ? 'rejected' : 'sent',
      currency: UAH,
      lines,
      ...(deal.status === 'lost' ? { rejectReason: 'Клієнт обрав інший варіант' } : {}),
      ...stamp(at),
    });
    if (deal.status === 'lost' && random.chance(0.5)) {
      put('competitorOffers', {
        id: id(),
        dealId: deal.id,
        competitor: random.pick(['ТОВ «Меблі-Профі»', 'ФОП Гнатюк', 'Фабрика «Віват»']),
        currency: UAH,
        lines: lines.map(({ id: _line, unitCost: _cost, ...line }) => ({ ...line, id: id(), unitPrice: Math.round(line.unitPrice * 0.9) })),
        comment: 'Дешевше на 10 %',
        ...stamp(at),
      });
    }
    if (!won) continue;
    const total = gross(lines);
    const orderRow = put('orders', {
      id: id(),
      dealId: deal.id,
      proposalId: proposal.id,
      counterpartyId: deal.clientId,
      date: localDate(deal.closedAt!),
      status: random.chance(0.8) ? 'fulfilled' : 'in-progress',
      currency: UAH,
      total,
      cost: cost(lines),
      lines,
      ...stamp(deal.closedAt!),
    });
    proposal.orderId = orderRow.id;
    const paidShare = random.pick([1, 1, 1, 0.5, 0]);
    if (paidShare > 0) {
      put('payments', { id: id(), orderId: orderRow.id, counterpartyId: deal.clientId, date: orderRow.date, amount: { minor: Math.round(total * paidShare), currency: UAH }, ...stamp(deal.closedAt!) });
    }
  }

  // ── interactions, reminders ──
  const dealsByClient = new Map<string, T.Deal[]>();
  for (const deal of deals) dealsByClient.set(deal.clientId, [...(dealsByClient.get(deal.clientId) ?? []), deal]);
  const kinds: T.InteractionKind[] = ['call', 'call', 'call', 'email', 'messenger', 'meeting', 'sms', 'other'];
  for (let i = 0; i < count(5000); i += 1) {
    const planned = random.chance(0.04);
    const kind = random.pick(kinds);
    const party = random.chance(0.75) ? random.pick(counterparties) : random.pick(leads);
    const subjectType: T.SubjectType = 'kind' in party ? 'counterparty' : 'lead';
    const at = planned ? now + random.int(-3, 14) * DAY + random.int(9, 17) * 3_600_000 : past();
    const deal = subjectType === 'counterparty' && random.chance(0.3) ? dealsByClient.get(party.id)?.[0] : undefined;
    const participants: T.SubjectRef[] = [{ type: subjectType, id: party.id }];
    const row = put('interactions', {
      id: id(),
      kind,
      direction: kind === 'meeting' || kind === 'other' ? 'none' : random.pick<T.InteractionDirection>(['incoming', 'outgoing']),
      status: planned ? 'planned' : 'done',
      at,
      subject: random.pick(words.interactionSubjects[kind]),
      subjectType,
      subjectId: party.id,
      participants,
      participantKeys: participants.map((p) => `${p.type}:${p.id}`),
      ...(deal ? { dealId: deal.id } : {}),
      authorId: random.pick(managers).id,
      processed: planned || random.chance(0.99) ? 1 : 0,
      ...(planned ? { remindAt: at - 30 * 60_000 } : {}),
      ...stamp(planned ? now - DAY : at),
    });
    if (planned) {
      put('reminders', { id: id(), dueAt: row.remindAt!, status: row.remindAt! < now - DAY ? 'done' : 'pending', targetType: 'interaction', targetId: row.id, text: row.subject, userId: row.authorId!, ...stamp(row.createdAt) });
    }
  }

  // ── tasks, notes ──
  for (let i = 0; i < count(150); i += 1) {
    const author = random.pick(managers);
    const performer = random.pick(managers);
    const created = past(now - 60 * DAY);
    const status = random.pick<T.TaskStatus>(['new', 'accepted', 'accepted', 'done', 'checked']);
    const deal = random.pick(deals);
    put('tasks', {
      id: id(),
      title: random.pick(words.taskTitles),
      authorId: author.id,
      performerId: performer.id,
      deadline: created + random.int(1, 30) * DAY,
      ...(status === 'checked' || random.chance(0.2) ? { checkerId: author.id, checkDeadline: created + 35 * DAY } : {}),
      status: status === 'checked' && author.id === performer.id ? 'done' : status,
      subjectType: 'deal',
      subjectId: deal.id,
      ...(status !== 'new' ? { acceptedAt: created + DAY } : {}),
      ...(status === 'done' || status === 'checked' ? { doneAt: created + 3 * DAY } : {}),
      ...(status === 'checked' ? { checkedAt: created + 4 * DAY } : {}),
      redirects: [],
      ...stamp(created),
    });
  }
  for (let i = 0; i < count(100); i += 1) {
    const party = random.pick(counterparties);
    const created = past();
    put('notes', { id: id(), text: random.pick(['Любить дзвінки після 17:00', 'Цікавиться знижками на опт', 'Просили надсилати рахунки на пошту бухгалтера', 'Заїжджає в шоурум по суботах']), authorId: random.pick(managers).id, subjectType: 'counterparty', subjectId: party.id, ...stamp(created) });
  }

  // ── claims ──
  for (let i = 0; i < count(20); i += 1) {
    const counterparty = random.pick(counterparties);
    const created = past(now - 90 * DAY);
    const resolved = random.chance(0.5);
    put('claims', {
      id: id(),
      counterpartyId: counterparty.id,
      reason: random.pick(words.claimReasons),
      description: 'Клієнт надіслав фото в Viber',
      status: resolved ? 'resolved' : random.pick<T.ClaimStatus>(['open', 'in-progress']),
      steps: [
        { id: id(), title: 'Виїзд майстра на огляд', ownerId: random.pick(specialists).id, deadline: created + 3 * DAY, ...(resolved ? { doneAt: created + 2 * DAY } : {}) },
        { id: id(), title: 'Заміна деталі', ownerId: random.pick(specialists).id, deadline: created + 10 * DAY, ...(resolved ? { doneAt: created + 8 * DAY } : {}) },
      ],
      ...(resolved ? { resolution: 'Деталь замінено безкоштовно', resolvedAt: created + 8 * DAY } : {}),
      ...stamp(created),
    });
  }

  // ── relationship stages from orders ──
  const ordersByClient = new Map<string, number[]>();
  for (const order of data.orders ?? []) {
    const list = ordersByClient.get(order.counterpartyId) ?? [];
    list.push(order.createdAt);
    ordersByClient.set(order.counterpartyId, list);
  }
  for (const counterparty of counterparties) {
    const dates = (ordersByClient.get(counterparty.id) ?? []).sort((a, b) => a - b);
    let stage: T.RelationshipStage = 'potential';
    put('relationshipStageHistory', { id: id(), counterpartyId: counterparty.id, stage, at: counterparty.createdAt, ...stamp(counterparty.createdAt) });
    dates.forEach((at, index) => {
      const next: T.RelationshipStage = index === 0 ? 'first-purchase' : 'regular';
      if (next !== stage) {
        put('relationshipStageHistory', { id: id(), counterpartyId: counterparty.id, stage: next, fromStage: stage, at, ...stamp(at) });
        stage = next;
      }
    });
    if (dates.length && now - dates[dates.length - 1]! > 180 * DAY) {
      put('relationshipStageHistory', { id: id(), counterpartyId: counterparty.id, stage: 'lapsed', fromStage: stage, at: dates[dates.length - 1]! + 180 * DAY, ...stamp(dates[dates.length - 1]! + 180 * DAY) });
      stage = 'lapsed';
    }
    counterparty.relationshipStage = stage;
  }

  // ── services, working hours, appointments for ±4 weeks ──
  const services = words.services.map((service) =>
    put('services', { id: id(), name: service.name, durationMinutes: service.durationMinutes, price: { minor: service.price, currency: UAH }, specialistIds: [], archived: 0, ...stamp(yearAgo) }),
  );
  for (const [index, specialist] of specialists.entries()) {
    for (const weekday of [1, 2, 3, 4, 5] as const) {
      put('workingHours', { id: id(), specialistId: specialist.id, weekday, start: '09:00', end: '18:00', ...stamp(yearAgo) });
      put('breaks', { id: id(), specialistId: specialist.id, weekday, start: '13:00', end: '14:00', ...stamp(yearAgo) });
    }
    if (index % 2 === 0) put('workingHours', { id: id(), specialistId: specialist.id, weekday: 6, start: '10:00', end: '15:00', ...stamp(yearAgo) });
    put('daysOff', { id: id(), specialistId: specialist.id, date: localDate(now + (7 + index * 3) * DAY), reason: 'Відпустка', ...stamp(yearAgo) });
  }
  const daysOff = new Set((data.daysOff ?? []).map((d) => `${d.specialistId}|${d.date}`));
  const hoursOf = (specialistId: string, weekday: number) => (data.workingHours ?? []).find((h) => h.specialistId === specialistId && h.weekday === weekday);
  for (let offset = -28; offset <= 28; offset += 1) {
    const day = new Date(now + offset * DAY);
    const weekday = ((day.getDay() + 6) % 7) + 1;
    for (const specialist of specialists) {
      const hours = hoursOf(specialist.id, weekday);
      if (!hours || daysOff.has(`${specialist.id}|${localDate(day.getTime())}`)) continue;
      const [startHour] = hours.start.split(':').map(Number);
      const [endHour] = hours.end.split(':').map(Number);
      let cursor = atLocal(day, startHour!);
      const dayEnd = atLocal(day, endHour!);
      for (let n = random.int(1, 4); n > 0; n -= 1) {
        const service = random.pick(services);
        cursor += random.int(0, 4) * 30 * 60_000;
        let start = cursor;
        if (weekday <= 5 && start < atLocal(day, 14) && start + service.durationMinutes * 60_000 > atLocal(day, 13)) start = atLocal(day, 14);
        const end = start + service.durationMinutes * 60_000;
        if (end > dayEnd) break;
        const client = random.chance(0.8) ? random.pick(counterparties) : random.pick(leads);
        put('appointments', {
          id: id(),
          specialistId: specialist.id,
          serviceId: service.id,
          start,
          end,
          status: end < now ? random.pick<T.AppointmentStatus>(['done', 'done', 'done', 'no-show', 'cancelled']) : 'booked',
          clientType: 'kind' in client ? 'counterparty' : 'lead',
          clientId: client.id,
          ...stamp(start - 5 * DAY),
        });
        cursor = end;
      }
    }
  }

  // ── KPI targets ──
  for (const manager of managers) {
    for (const month of months.slice(-3)) {
      put('kpiTargets', { id: id(), metric: 'revenue', period: month, managerId: manager.id, value: 30_000_000, ...stamp(yearAgo) });
      put('kpiTargets', { id: id(), metric: 'deals-won', period: month, managerId: manager.id, value: 6, ...stamp(yearAgo) });
    }
  }
  return data;
}
