/**
 * The CRM's entities. Every record has a `crypto.randomUUID()` id (sync-ready),
 * `createdAt`/`updatedAt` instants (epoch ms); money is integer minor units +
 * ISO currency; calendar dates are `YYYY-MM-DD`; local times of day `HH:MM`.
 * IndexedDB cannot index booleans, so indexed flags are `0 | 1`.
 */
import type { Money } from './money.js';

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

export interface SubjectRef {
  type: SubjectType;
  id: Id;
}

/** The client of a deal or appointment: a registered counterparty or a lead. */
export interface ClientRef {
  type: 'counterparty' | 'lead';
  id: Id;
}

export type Messenger = 'viber' | 'telegram' | 'whatsapp' | 'signal' | 'skype' | 'other';

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
export type UserRole = 'manager' | 'specialist' | 'admin';

export interface User extends Timestamps {
  id: Id;
  name: string;
  roles: UserRole[];
  email?: string;
  phone?: string;
  active: Flag;
}

// ── A1–A3 client base ───────────────────────────────────────────────────────
export type CounterpartyKind = 'legal' | 'individual' | 'fop';

export type RelationshipStage = 'potential' | 'first-purchase' | 'regular' | 'lapsed';

export interface Address {
  kind: 'legal' | 'actual' | 'delivery';
  text: string;
  city?: string;
}

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

export interface Partner extends Timestamps {
  id: Id;
  name: string;
  comment?: string;
  archived: Flag;
}

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
export type LeadStatus = 'new' | 'in-progress' | 'converted' | 'lost';

export interface Lead extends Timestamps, ContactChannels {
  id: Id;
  name: string;
  company?: string;
  /** ЄДРПОУ or РНОКПП, if known. */
  taxCode?: string;
  status: LeadStatus;
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

export interface AcquisitionSource extends Timestamps {
  id: Id;
  name: string;
  channel?: string;
  /** Planned spend per month, for the funnel-by-source report (H1). */
  plannedSpend: Array<{ month: CalendarMonth; amount: Money }>;
  archived: Flag;
}

export interface Tag extends Timestamps {
  id: Id;
  name: string;
  color?: string;
}

// ── B interactions ──────────────────────────────────────────────────────────
export type InteractionKind = 'meeting' | 'call' | 'sms' | 'email' | 'messenger' | 'appointment' | 'other';
export type InteractionDirection = 'incoming' | 'outgoing' | 'none';
export type InteractionStatus = 'planned' | 'done' | 'cancelled';

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
export type TaskStatus = 'new' | 'accepted' | 'done' | 'checked' | 'redirected' | 'cancelled';

export interface TaskRedirect {
  at: Instant;
  fromPerformerId: Id;
  toPerformerId: Id;
  byUserId?: Id;
  comment?: string;
}

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

export interface Note extends Timestamps {
  id: Id;
  text: string;
  authorId?: Id;
  subjectType?: SubjectType;
  subjectId?: Id;
  remindAt?: Instant;
}

export type ReminderStatus = 'pending' | 'dismissed' | 'done';

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
export interface Pipeline extends Timestamps {
  id: Id;
  name: string;
  archived: Flag;
}

export interface Stage extends Timestamps {
  id: Id;
  pipelineId: Id;
  name: string;
  /** 0-based position in the pipeline. */
  order: number;
  /** Default win probability at this stage, 0–100. */
  probability?: number;
}

export type DealStatus = 'open' | 'won' | 'lost';

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

export interface LostReason extends Timestamps {
  id: Id;
  name: string;
  archived: Flag;
}

// ── E proposals, orders, payments ───────────────────────────────────────────
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

export type ProposalStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'superseded';

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

export interface CompetitorOffer extends Timestamps {
  id: Id;
  dealId: Id;
  competitor: string;
  currency: string;
  lines: Array<Pick<ProposalLine, 'id' | 'name' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'vatPercent'>>;
  comment?: string;
}

export type OrderStatus = 'new' | 'in-progress' | 'fulfilled' | 'cancelled';

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

export interface Payment extends Timestamps {
  id: Id;
  orderId: Id;
  counterpartyId: Id;
  date: CalendarDate;
  amount: Money;
}

// ── F claims ────────────────────────────────────────────────────────────────
export type ClaimStatus = 'open' | 'in-progress' | 'resolved' | 'rejected';

export interface ClaimStep {
  id: Id;
  title: string;
  ownerId?: Id;
  deadline?: Instant;
  doneAt?: Instant;
}

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

export interface WorkingHours extends Timestamps {
  id: Id;
  specialistId: Id;
  weekday: Weekday;
  start: TimeOfDay;
  end: TimeOfDay;
}

export interface Break extends Timestamps {
  id: Id;
  specialistId: Id;
  weekday: Weekday;
  start: TimeOfDay;
  end: TimeOfDay;
}

export interface DayOff extends Timestamps {
  id: Id;
  specialistId: Id;
  date: CalendarDate;
  reason?: string;
}

export type AppointmentStatus = 'booked' | 'done' | 'cancelled' | 'no-show';

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
export interface RelationshipStageChange extends Timestamps {
  id: Id;
  counterpartyId: Id;
  stage: RelationshipStage;
  fromStage?: RelationshipStage;
  at: Instant;
}

export type KpiMetric = 'revenue' | 'deals-won' | 'interactions' | 'new-leads' | 'conversion';

export interface KpiTarget extends Timestamps {
  id: Id;
  metric: KpiMetric;
  /** `YYYY-MM` month the target is for. */
  period: CalendarMonth;
  /** A manager's target, or the whole business's when unset. */
  managerId?: Id;
  value: number;
}
