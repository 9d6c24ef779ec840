/**
 * The CRM's entities. Every record has a `crypto.randomUUID()` id (sync-ready),
 * `createdAt`/`updatedAt` instants (epoch ms); money is integer minor units +
 * ISO currency; calendar dates are `YYYY-MM-DD`; local times of day `HH:MM`.
 * IndexedDB cannot index booleans, so indexed flags are `0 | 1`.
 */
import type { Money } from './money.js';

/** A record id: `crypto.randomUUID()`, so records made offline in different tabs never collide. */
export type Id = string;
/** Epoch milliseconds. */
export type Instant = number;
/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;
/** A local time of day, `HH:MM` (24 h). */
export type TimeOfDay = string;
/** A calendar month, `YYYY-MM`. */
export type CalendarMonth = string;
/** An indexable boolean. */
export type Flag = 0 | 1;

/** When a record was written first and last (epoch ms). */
export interface Timestamps {
  createdAt: Instant;
  updatedAt: Instant;
}

/** What a record may be about: the subjects of interactions, tasks, notes. */
export type SubjectType =
  | 'lead'
  | 'counterparty'
  | 'contact'
  | 'deal'
  | 'claim'
  | 'proposal'
  | 'order'
  | 'task'
  /** An interaction from a party not in the CRM yet: the id is their phone (E.164) or e-mail, from `from` (A7). */
  | 'unknown';

/** A reference to a record an interaction, task or note is about. */
export interface SubjectRef {
  type: SubjectType;
  id: Id;
}

/** The client of a deal or appointment: a registered counterparty or a lead. */
export interface ClientRef {
  type: 'counterparty' | 'lead';
  id: Id;
}

/** Messengers a party can be reached on. */
export type Messenger = 'viber' | 'telegram' | 'whatsapp' | 'signal' | 'skype' | 'other';

/** A party’s account on a messenger: a phone number or a user name. */
export interface MessengerHandle {
  kind: Messenger;
  handle: string;
}

/** How to reach a party. Phones are E.164 (`+380671234567`). */
export interface ContactChannels {
  phones: string[];
  emails: string[];
  messengers: MessengerHandle[];
}

// ── J1 users ────────────────────────────────────────────────────────────────
/** What a user does in the CRM: managers own clients and deals, specialists take appointments. */
export type UserRole = 'manager' | 'specialist' | 'admin';

/** A person working in the business (J1). */
export interface User extends Timestamps {
  id: Id;
  name: string;
  roles: UserRole[];
  email?: string;
  phone?: string;
  active: Flag;
}

// ── A1–A3 client base ───────────────────────────────────────────────────────
/** A legal entity (ЄДРПОУ), an individual or a sole proprietor — ФОП (РНОКПП). */
export type CounterpartyKind = 'legal' | 'individual' | 'fop';

/** Where a customer is in the relationship (H5). */
export type RelationshipStage = 'potential' | 'first-purchase' | 'regular' | 'lapsed';

/** A postal address, by purpose. */
export interface Address {
  kind: 'legal' | 'actual' | 'delivery';
  text: string;
  city?: string;
}

/** A legal entity, individual or ФОП the business settles with (A1). */
export interface Counterparty extends Timestamps, ContactChannels {
  id: Id;
  kind: CounterpartyKind;
  name: string;
  /** ЄДРПОУ, 8 digits, legal entities. */
  edrpou?: string;
  /** РНОКПП (ІПН), 10 digits, individuals and ФОП. */
  rnokpp?: string;
  addresses: Address[];
  website?: string;
  tags: Id[];
  managerId?: Id;
  sourceId?: Id;
  partnerId?: Id;
  relationshipStage: RelationshipStage;
  abcClass?: 'A' | 'B' | 'C';
  xyzClass?: 'X' | 'Y' | 'Z';
  /** The lead it was converted from, if any. */
  leadId?: Id;
  archived: Flag;
  /** Lower-case words of name, codes, phones and e-mails, for text search. */
  searchTokens: string[];
}

/** A group of counterparties of one business (A2). */
export interface Partner extends Timestamps {
  id: Id;
  name: string;
  comment?: string;
  archived: Flag;
}

/** A contact person, linked to counterparties through `ContactLink`s (A3). */
export interface Contact extends Timestamps, ContactChannels {
  id: Id;
  name: string;
  position?: string;
  tags: Id[];
  sourceId?: Id;
  archived: Flag;
  searchTokens: string[];
}

/** A contact person's link to a counterparty, with the role they play there. */
export interface ContactLink extends Timestamps {
  id: Id;
  contactId: Id;
  counterpartyId: Id;
  role: string;
}

// ── A4 leads ────────────────────────────────────────────────────────────────
/** A lead’s life: new → in progress → converted into a customer, or lost (with a reason). */
export type LeadStatus = 'new' | 'in-progress' | 'converted' | 'lost';

/** A potential client, not yet a counterparty (A4). */
export interface Lead extends Timestamps, ContactChannels {
  id: Id;
  name: string;
  company?: string;
  /** ЄДРПОУ or РНОКПП, if known. */
  taxCode?: string;
  status: LeadStatus;
  /**
   * 1 while the lead is open (`new` or `in-progress`), else 0. Derived from
   * `status` by the database on every write, for the indexes the leads list
   * pages through; never set it yourself.
   */
  open?: Flag;
  tags: Id[];
  sourceId?: Id;
  managerId?: Id;
  comment?: string;
  lostReasonId?: Id;
  lostComment?: string;
  /** When it was marked lost. */
  lostAt?: Instant;
  /** Set on conversion. */
  counterpartyId?: Id;
  convertedAt?: Instant;
  searchTokens: string[];
}

/** Where clients come from: an ad channel, a marketplace, a recommendation (H1–H3). */
export interface AcquisitionSource extends Timestamps {
  id: Id;
  name: string;
  channel?: string;
  /** Planned spend per month, for the funnel-by-source report (H1). */
  plannedSpend: Array<{ month: CalendarMonth; amount: Money }>;
  /** Money actually spent per month (H1: planned vs actual spend, ROI); absent on sources that never had any. */
  actualSpend?: Array<{ month: CalendarMonth; amount: Money }>;
  archived: Flag;
}

/** A label for counterparties, contacts and leads. */
export interface Tag extends Timestamps {
  id: Id;
  name: string;
  color?: string;
}

// ── B interactions ──────────────────────────────────────────────────────────
/** The kinds of interaction (B1). */
export type InteractionKind = 'meeting' | 'call' | 'sms' | 'email' | 'messenger' | 'appointment' | 'other';
/** Who started it: the client (`incoming`), the business (`outgoing`), or neither (a meeting). */
export type InteractionDirection = 'incoming' | 'outgoing' | 'none';
/** Planned for a time, done, or cancelled before it happened. */
export type InteractionStatus = 'planned' | 'done' | 'cancelled';

/** A call, meeting, message… with a party, planned or done (B1). */
export interface Interaction extends Timestamps {
  id: Id;
  kind: InteractionKind;
  direction: InteractionDirection;
  status: InteractionStatus;
  /** When it happened, or is planned for. */
  at: Instant;
  subject: string;
  body?: string;
  /** The main party (lead, counterparty, contact) or, failing that, the deal or claim it is about. */
  subjectType: SubjectType;
  subjectId: Id;
  /** Everyone involved, for participants' timelines. */
  participants: SubjectRef[];
  dealId?: Id;
  claimId?: Id;
  proposalId?: Id;
  sourceId?: Id;
  authorId?: Id;
  /** 1 once someone handled it (B2). */
  processed: Flag;
  /** For planned interactions: when to remind (B3). */
  remindAt?: Instant;
  /** Free-form address of an unknown party (phone number, e-mail) for A7. */
  from?: string;
}

// ── C tasks, notes, reminders ───────────────────────────────────────────────
/** A task’s life (C1): new → accepted → done → checked; redirected keeps its history; cancelled ends it. */
export type TaskStatus = 'new' | 'accepted' | 'done' | 'checked' | 'redirected' | 'cancelled';

/** One hand-over of a task to another performer. */
export interface TaskRedirect {
  at: Instant;
  fromPerformerId: Id;
  toPerformerId: Id;
  byUserId?: Id;
  comment?: string;
}

/** Work for a performer by a deadline, optionally checked by someone (C1). */
export interface Task extends Timestamps {
  id: Id;
  title: string;
  description?: string;
  authorId: Id;
  performerId: Id;
  deadline: Instant;
  checkerId?: Id;
  checkDeadline?: Instant;
  status: TaskStatus;
  subjectType?: SubjectType;
  subjectId?: Id;
  acceptedAt?: Instant;
  doneAt?: Instant;
  checkedAt?: Instant;
  redirects: TaskRedirect[];
}

/** Free text about a record, with an optional reminder (C2). */
export interface Note extends Timestamps {
  id: Id;
  text: string;
  authorId?: Id;
  subjectType?: SubjectType;
  subjectId?: Id;
  remindAt?: Instant;
}

/** Waiting to fire, dismissed by the user, or done with its target. */
export type ReminderStatus = 'pending' | 'dismissed' | 'done';

/** A point in time at which a user is told about an interaction, note or task (B3). */
export interface Reminder extends Timestamps {
  id: Id;
  dueAt: Instant;
  status: ReminderStatus;
  targetType: 'interaction' | 'note' | 'task';
  targetId: Id;
  text?: string;
  userId?: Id;
}

// ── D pipelines and deals ───────────────────────────────────────────────────
/** A sales pipeline: its stages are the columns of the board (D1). */
export interface Pipeline extends Timestamps {
  id: Id;
  name: string;
  archived: Flag;
}

/** A stage of a pipeline. */
export interface Stage extends Timestamps {
  id: Id;
  pipelineId: Id;
  name: string;
  /** 0-based position in the pipeline. */
  order: number;
  /** Default win probability at this stage, 0–100. */
  probability?: number;
}

/** Open in a stage, or closed as won or lost. */
export type DealStatus = 'open' | 'won' | 'lost';

/** One sale from first contact to fulfilment (D2). */
export interface Deal extends Timestamps {
  id: Id;
  title: string;
  pipelineId: Id;
  stageId: Id;
  status: DealStatus;
  amount: Money;
  probability?: number;
  clientType: ClientRef['type'];
  clientId: Id;
  managerId?: Id;
  sourceId?: Id;
  expectedCloseDate?: CalendarDate;
  /** When it entered its current stage. */
  stageEnteredAt: Instant;
  closedAt?: Instant;
  lostReasonId?: Id;
  lostComment?: string;
  /** The interaction it was created from, if any. */
  interactionId?: Id;
}

/** One entry per stage a deal entered, and per close; the funnel and cycle times come from it. */
export interface DealStageChange extends Timestamps {
  id: Id;
  dealId: Id;
  pipelineId: Id;
  /** The stage entered; `undefined` for a close without a stage change. */
  stageId: Id;
  fromStageId?: Id;
  status: DealStatus;
  at: Instant;
  userId?: Id;
  /** 0-based position in the deal's history; orders entries written at the same instant. */
  seq?: number;
}

/** A reason a lead or deal was lost, from the business’s list. */
export interface LostReason extends Timestamps {
  id: Id;
  name: string;
  archived: Flag;
}

// ── E proposals, orders, payments ───────────────────────────────────────────
/** A priced line of a proposal or order: prices and costs per unit in minor units, without VAT. */
export interface ProposalLine {
  id: Id;
  name: string;
  quantity: number;
  unit: string;
  /** Price per unit before discount, minor units. */
  unitPrice: number;
  /** Discount in percent, 0–100. */
  discountPercent: number;
  /** VAT rate in percent (20, 7, 0). */
  vatPercent: number;
  /** Cost per unit, minor units (E3). */
  unitCost: number;
}

/** A proposal revision’s life; a newer revision supersedes the older one. */
export type ProposalStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'superseded';

/** A commercial proposal for a deal, one record per revision (E1). */
export interface Proposal extends Timestamps {
  id: Id;
  dealId: Id;
  /** 1, 2, 3… — each revision is its own record; earlier ones become `superseded`. */
  revision: number;
  status: ProposalStatus;
  currency: string;
  lines: ProposalLine[];
  validUntil?: CalendarDate;
  comment?: string;
  rejectReason?: string;
  orderId?: Id;
}

/** A rival’s offer for the same deal, for comparison (E2). */
export interface CompetitorOffer extends Timestamps {
  id: Id;
  dealId: Id;
  competitor: string;
  currency: string;
  lines: Array<Pick<ProposalLine, 'id' | 'name' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'vatPercent'>>;
  comment?: string;
}

/** A customer order’s life. */
export type OrderStatus = 'new' | 'in-progress' | 'fulfilled' | 'cancelled';

/** A customer order, e.g. from an accepted proposal (E4). */
export interface Order extends Timestamps {
  id: Id;
  dealId?: Id;
  proposalId?: Id;
  counterpartyId: Id;
  date: CalendarDate;
  status: OrderStatus;
  currency: string;
  /** Total with VAT, minor units. */
  total: number;
  /** Cost, minor units, for profit. */
  cost: number;
  lines: ProposalLine[];
}

/** Money received for an order. */
export interface Payment extends Timestamps {
  id: Id;
  orderId: Id;
  counterpartyId: Id;
  date: CalendarDate;
  amount: Money;
}

// ── F claims ────────────────────────────────────────────────────────────────
/** A claim’s life: open → in progress (steps) → resolved or rejected. */
export type ClaimStatus = 'open' | 'in-progress' | 'resolved' | 'rejected';

/** One step of a claim’s action plan, with an owner and a deadline. */
export interface ClaimStep {
  id: Id;
  title: string;
  ownerId?: Id;
  deadline?: Instant;
  doneAt?: Instant;
}

/** A customer complaint and its handling (F1). */
export interface Claim extends Timestamps {
  id: Id;
  counterpartyId: Id;
  orderId?: Id;
  dealId?: Id;
  reason: string;
  description?: string;
  status: ClaimStatus;
  steps: ClaimStep[];
  resolution?: string;
  resolvedAt?: Instant;
}

// ── G appointments ──────────────────────────────────────────────────────────
/** A service specialists provide, with its duration and price (G1). */
export interface Service extends Timestamps {
  id: Id;
  name: string;
  durationMinutes: number;
  price: Money;
  /** Specialists who provide it; empty = everyone. */
  specialistIds: Id[];
  archived: Flag;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A specialist’s working hours on one weekday, local time. */
export interface WorkingHours extends Timestamps {
  id: Id;
  specialistId: Id;
  weekday: Weekday;
  start: TimeOfDay;
  end: TimeOfDay;
}

/** A break in a specialist’s working day, local time. */
export interface Break extends Timestamps {
  id: Id;
  specialistId: Id;
  weekday: Weekday;
  start: TimeOfDay;
  end: TimeOfDay;
}

/** A day a specialist does not work. */
export interface DayOff extends Timestamps {
  id: Id;
  specialistId: Id;
  date: CalendarDate;
  reason?: string;
}

/** Booked, then done or a no-show; or cancelled, which frees the time. */
export type AppointmentStatus = 'booked' | 'done' | 'cancelled' | 'no-show';

/** A client booked with a specialist for a service (G2). */
export interface Appointment extends Timestamps {
  id: Id;
  specialistId: Id;
  serviceId: Id;
  start: Instant;
  end: Instant;
  status: AppointmentStatus;
  clientType: ClientRef['type'];
  clientId: Id;
  comment?: string;
  cancelReason?: string;
}

// ── H history and targets ───────────────────────────────────────────────────
/** One entry of a customer’s relationship-stage history (H5). */
export interface RelationshipStageChange extends Timestamps {
  id: Id;
  counterpartyId: Id;
  stage: RelationshipStage;
  fromStage?: RelationshipStage;
  at: Instant;
}

/** What a KPI target measures (H8). */
export type KpiMetric = 'revenue' | 'deals-won' | 'interactions' | 'new-leads' | 'conversion';

/** A planned value of a metric for a month, for the business or one manager (H8). */
export interface KpiTarget extends Timestamps {
  id: Id;
  metric: KpiMetric;
  /** `YYYY-MM` month the target is for. */
  period: CalendarMonth;
  /** A manager's target, or the whole business's when unset. */
  managerId?: Id;
  value: number;
}
