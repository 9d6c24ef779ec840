/**
 * E1–E4 commercial proposals: priced line items with discount, VAT and cost,
 * revisions until the client accepts (an order is created) or rejects;
 * competitors' offers compared line by line.
 *
 * Money arithmetic (`proposalTotals`): amounts are integer minor units.
 * `unitPrice` and `unitCost` are per unit WITHOUT VAT. Per line:
 * - `list`     = round(quantity × unitPrice)
 * - `net`      = round(quantity × unitPrice × (100 − discountPercent) / 100)
 * - `discount` = list − net
 * - `vat`      = round(net × vatPercent / 100)
 * - `gross`    = net + vat
 * - `cost`     = round(quantity × unitCost)
 * - `margin`   = net − cost; `marginPercent` = margin / net × 100 to two decimals (0 when net is 0).
 * `round` is half-up to a whole minor unit, after dropping binary floating-point
 * noise below 10⁻⁶ of a minor unit. Totals are the sums of the rounded line
 * values, so lines always add up to the total.
 */
import * as v from 'valibot';
import type { StoreContext } from './context.js';
import { CrmError, notFound } from './errors.js';
import type { CrmStore } from './store.js';
import type { CalendarDate, CompetitorOffer, Deal, Id, Instant, Order, Proposal } from './types.js';
import { calendarDate, currencyCode, minorUnits, optionalId, optionalText, parseInput, percent, requiredText } from './validation.js';

const quantity = v.pipe(v.number('error.quantity'), v.gtValue(0, 'error.quantity'), v.maxValue(1e9, 'error.quantity'));

/** A proposal or order line as input; defaults: unit 'шт', no discount, VAT 20 %, cost 0. */
export const proposalLineSchema = v.object({
  id: optionalId,
  name: requiredText(200),
  quantity,
  unit: v.optional(requiredText(20), 'шт'),
  unitPrice: minorUnits,
  discountPercent: v.optional(percent, 0),
  vatPercent: v.optional(percent, 20),
  unitCost: v.optional(minorUnits, 0),
});

/** A competitor's line: a proposal line without our cost. */
const competitorLineSchema = v.omit(proposalLineSchema, ['unitCost']);

const lines = v.optional(v.array(proposalLineSchema, 'error.invalid'), () => []);

const createSchema = v.object({
  currency: v.optional(currencyCode),
  lines,
  validUntil: v.optional(calendarDate),
  comment: optionalText(2000),
});

const changesSchema = v.object({
  currency: v.optional(currencyCode),
  lines: v.optional(v.array(proposalLineSchema, 'error.invalid')),
  validUntil: v.nullish(calendarDate),
  comment: v.nullish(v.pipe(v.string('error.invalid'), v.trim(), v.maxLength(2000, 'error.tooLong'))),
});

const rejectSchema = v.object({
  reason: v.pipe(
    v.optional(v.string('error.rejectReasonRequired'), ''),
    v.trim(),
    v.nonEmpty('error.rejectReasonRequired'),
    v.maxLength(2000, 'error.tooLong'),
  ),
});

const competitorOfferSchema = v.object({
  competitor: requiredText(200),
  currency: v.optional(currencyCode),
  lines: v.pipe(v.array(competitorLineSchema, 'error.required'), v.minLength(1, 'error.required')),
  comment: optionalText(2000),
});

/** A line as given to `create`, `updateDraft`, `revise`: `id` kept if present, else a new one. */
export interface ProposalLineInput {
  id?: Id;
  name: string;
  /** More than 0; fractions allowed (2.5 м²). */
  quantity: number;
  /** 'шт' when omitted. */
  unit?: string;
  /** Minor units per unit, without VAT. */
  unitPrice: number;
  /** 0–100; 0 when omitted. */
  discountPercent?: number;
  /** 0–100; 20 (the standard Ukrainian ПДВ rate) when omitted. */
  vatPercent?: number;
  /** Minor units per unit; 0 when omitted. */
  unitCost?: number;
}

export interface CreateProposalInput {
  /** The deal's currency when omitted. */
  currency?: string;
  /** May be empty in a draft; sending or accepting needs at least one. */
  lines?: ProposalLineInput[];
  validUntil?: string;
  comment?: string;
}

/** Changes to a proposal: what is given replaces; `null` clears `validUntil` or `comment`. */
export interface ProposalChanges {
  currency?: string;
  lines?: ProposalLineInput[];
  validUntil?: string | null;
  comment?: string | null;
}

export interface CompetitorOfferInput {
  competitor: string;
  /** The deal's currency when omitted. */
  currency?: string;
  /** At least one line. */
  lines: Array<Omit<ProposalLineInput, 'unitCost'>>;
  comment?: string;
}

/** What a line (or a whole proposal) comes to, in minor units. */
export interface LineTotals {
  /** quantity × unit price, before discount. */
  list: number;
  discount: number;
  /** After discount, without VAT. */
  net: number;
  vat: number;
  /** With VAT. */
  gross: number;
  cost: number;
  /** net − cost. */
  margin: number;
  /** margin / net × 100, two decimals; 0 when net is 0. */
  marginPercent: number;
}

export interface ProposalTotals {
  /** One per line, in the order given. */
  lines: LineTotals[];
  totals: LineTotals;
}

/** What `proposalTotals` needs of a line. */
export interface PricedLine {
  quantity: number;
  unitPrice: number;
  discountPercent: number;
  vatPercent: number;
  unitCost?: number;
}

/** One side of a compared line. */
export interface ComparedSide {
  line: PricedLine & { name: string; unit: string };
  /** Net per unit after discount, without VAT. */
  unitNet: number;
  net: number;
  gross: number;
}

export interface ComparedLine {
  /** Our line's name, or theirs when we have no such line. */
  name: string;
  ours?: ComparedSide;
  theirs?: ComparedSide;
  /** theirs.net − ours.net (positive: they are dearer), when both sides have the line and one currency. */
  netDifference?: number;
  /** theirs.unitNet − ours.unitNet, likewise. */
  unitNetDifference?: number;
}

export interface OfferComparison {
  offer: CompetitorOffer;
  /** Whether the offer is in the proposal's currency; differences are given only then. */
  sameCurrency: boolean;
  /** Our lines in order, matched by name (case and spacing ignored), then their lines we lack. */
  lines: ComparedLine[];
  ours: { net: number; gross: number };
  theirs: { net: number; gross: number };
  /** theirs.gross − ours.gross, when one currency. */
  grossDifference?: number;
}

export interface DealComparison {
  /** The latest draft or sent proposal, else the latest revision; `undefined` when the deal has none. */
  proposal: Proposal | undefined;
  offers: OfferComparison[];
}

/** Commercial proposals, their revisions and competitors' offers (E1–E4). */
export interface ProposalsRepository {
  /**
   * Starts a proposal for a deal: a draft, revision 1 (or one past the deal's
   * last closed revision). Refuses: a missing deal (`NOT_FOUND`, `dealId`); a
   * deal that has a draft or sent proposal already (`CONFLICT`, `dealId`,
   * `error.duplicate`, `params.id` names it — revise that one); bad lines
   * (`VALIDATION`, `lines.N.quantity` `error.quantity`, `lines.N.discountPercent` `error.percent`, …).
   */
  create(dealId: Id, input: CreateProposalInput): Promise<Proposal>;
  /**
   * Changes a draft in place. Refuses: a sent one (`INVALID_STATE`,
   * `error.invalidTransition` — revise it instead); a closed one
   * (`INVALID_STATE`, `error.proposalClosed`); `NOT_FOUND` (`proposalId`); `VALIDATION`.
   */
  updateDraft(proposalId: Id, changes: ProposalChanges): Promise<Proposal>;
  /**
   * Marks a draft sent to the client. Refuses: no lines (`VALIDATION`,
   * `lines`, `error.required`); already sent (`INVALID_STATE`,
   * `error.invalidTransition`); closed (`INVALID_STATE`, `error.proposalClosed`).
   */
  send(proposalId: Id): Promise<Proposal>;
  /**
   * Writes the next revision (a draft, revision + 1) from a draft or sent
   * proposal with `changes` applied; the previous one becomes `superseded`.
   * Refuses a closed proposal (`INVALID_STATE`, `error.proposalClosed`).
   */
  revise(proposalId: Id, changes?: ProposalChanges): Promise<Proposal>;
  /**
   * The client accepts a draft or sent proposal: in one transaction it
   * becomes `accepted` and an order (status new, dated today, the proposal's
   * lines and currency) is created for the deal's counterparty; returns both.
   * Refuses: no lines (`VALIDATION`, `lines`); a closed proposal
   * (`INVALID_STATE`, `error.proposalClosed`); a deal whose client is still a
   * lead (`INVALID_STATE`, `dealId`, `error.clientNotCounterparty`).
   */
  accept(proposalId: Id): Promise<{ proposal: Proposal; order: Order }>;
  /**
   * The client rejects a draft or sent proposal, with a reason. Refuses: no
   * reason (`VALIDATION`, `reason`, `error.rejectReasonRequired`); a closed
   * proposal (`INVALID_STATE`, `error.proposalClosed`).
   */
  reject(proposalId: Id, input: { reason: string }): Promise<Proposal>;
  /** One proposal, or `undefined`. Live-query safe. */
  get(proposalId: Id): Promise<Proposal | undefined>;
  /** Every revision for a deal, revision 1 first. Live-query safe. */
  forDeal(dealId: Id): Promise<Proposal[]>;
  /** The deal's highest revision, or `undefined`. Live-query safe. */
  latest(dealId: Id): Promise<Proposal | undefined>;
  /** Draft and sent proposals (of one counterparty's deals if given), most recently updated first. Live-query safe. */
  active(counterpartyId?: Id): Promise<Proposal[]>;
  /**
   * Records a competitor's offer for a deal (E2). Refuses: a missing deal
   * (`NOT_FOUND`, `dealId`); no competitor name (`VALIDATION`, `competitor`);
   * no lines (`VALIDATION`, `lines`, `error.required`).
   */
  addCompetitorOffer(dealId: Id, input: CompetitorOfferInput): Promise<CompetitorOffer>;
  /** Deletes a competitor's offer; returns it. `NOT_FOUND` (`offerId`). */
  removeCompetitorOffer(offerId: Id): Promise<CompetitorOffer>;
  /** A deal's competitor offers, oldest first. Live-query safe. */
  competitorOffers(dealId: Id): Promise<CompetitorOffer[]>;
  /** Our latest proposal against each competitor offer, line by line (E2). Live-query safe. */
  compare(dealId: Id): Promise<DealComparison>;
}

/** Proposal, offer or order lines with an id each: the one given kept, else a new one. @internal */
export function withLineIds<L extends { id?: Id | undefined }>(ctx: Pick<StoreContext, 'newId'>, lines: readonly L[]): Array<Omit<L, 'id'> & { id: Id }> {
  return lines.map(({ id: lineId, ...line }) => ({ id: lineId ?? ctx.newId(), ...line }));
}

/** Half-up rounding to a whole minor unit, ignoring floating-point noise below 10⁻⁶. */
function roundMinor(value: number): number {
  return Math.round(Math.round(value * 1e6) / 1e6);
}

function emptyTotals(): LineTotals {
  return { list: 0, discount: 0, net: 0, vat: 0, gross: 0, cost: 0, margin: 0, marginPercent: 0 };
}

function marginPercent(margin: number, net: number): number {
  return net === 0 ? 0 : Math.round((margin / net) * 10_000) / 100;
}

/**
 * Net, VAT, gross, cost and margin of each line and of all lines, in integer
 * minor units (see the module comment for the formulas and rounding). Pure.
 *
 * @example
 * proposalTotals([{ quantity: 3, unitPrice: 100_000, discountPercent: 10, vatPercent: 20, unitCost: 60_000 }]).totals
 * // { list: 300000, discount: 30000, net: 270000, vat: 54000, gross: 324000, cost: 180000, margin: 90000, marginPercent: 33.33 }
 */
export function proposalTotals(lines: readonly PricedLine[]): ProposalTotals {
  const totals = emptyTotals();
  const perLine = lines.map((line) => {
    const list = roundMinor(line.quantity * line.unitPrice);
    const net = roundMinor((line.quantity * line.unitPrice * (100 - line.discountPercent)) / 100);
    const vat = roundMinor((net * line.vatPercent) / 100);
    const cost = roundMinor(line.quantity * (line.unitCost ?? 0));
    const result: LineTotals = {
      list,
      discount: list - net,
      net,
      vat,
      gross: net + vat,
      cost,
      margin: net - cost,
      marginPercent: marginPercent(net - cost, net),
    };
    totals.list += result.list;
    totals.discount += result.discount;
    totals.net += result.net;
    totals.vat += result.vat;
    totals.gross += result.gross;
    totals.cost += result.cost;
    totals.margin += result.margin;
    return result;
  });
  totals.marginPercent = marginPercent(totals.margin, totals.net);
  return { lines: perLine, totals };
}

/** The local calendar date (`YYYY-MM-DD`) of an instant: an accepted proposal's order is dated so. */
function calendarDateOf(at: Instant): CalendarDate {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const isActive = (proposal: Proposal) => proposal.status === 'draft' || proposal.status === 'sent';

/** Case, spacing and apostrophe variants of a line name compare equal. */
function lineKey(name: string): string {
  return name.toLocaleLowerCase('uk').replace(/[’'ʼ`]/g, '’').replace(/\s+/g, ' ').trim();
}

function side(line: PricedLine & { name: string; unit: string }): ComparedSide {
  const [totals] = proposalTotals([line]).lines;
  return { line, unitNet: roundMinor(totals!.net / line.quantity), net: totals!.net, gross: totals!.gross };
}

function compareOffer(proposal: Proposal | undefined, offer: CompetitorOffer): OfferComparison {
  const sameCurrency = proposal !== undefined && proposal.currency === offer.currency;
  const theirs = offer.lines.map((line) => ({ line, key: lineKey(line.name), used: false }));
  const compared: ComparedLine[] = [];
  for (const line of proposal?.lines ?? []) {
    const match = theirs.find((candidate) => !candidate.used && candidate.key === lineKey(line.name));
    const entry: ComparedLine = { name: line.name, ours: side(line) };
    if (match) {
      match.used = true;
      entry.theirs = side(match.line);
      if (sameCurrency) {
        entry.netDifference = entry.theirs.net - entry.ours!.net;
        entry.unitNetDifference = entry.theirs.unitNet - entry.ours!.unitNet;
      }
    }
    compared.push(entry);
  }
  for (const candidate of theirs) if (!candidate.used) compared.push({ name: candidate.line.name, theirs: side(candidate.line) });
  const ours = proposalTotals(proposal?.lines ?? []).totals;
  const their = proposalTotals(offer.lines).totals;
  return {
    offer,
    sameCurrency,
    lines: compared,
    ours: { net: ours.net, gross: ours.gross },
    theirs: { net: their.net, gross: their.gross },
    ...(sameCurrency ? { grossDifference: their.gross - ours.gross } : {}),
  };
}

export function createProposalsRepository(ctx: StoreContext, store: CrmStore): ProposalsRepository {
  const { db } = ctx;

  async function requireProposal(proposalId: Id): Promise<Proposal> {
    const proposal = await db.proposals.get(proposalId);
    if (!proposal) throw notFound('proposalId', proposalId);
    return proposal;
  }

  async function requireDeal(dealId: Id): Promise<Deal> {
    const deal = await db.deals.get(dealId);
    if (!deal) throw notFound('dealId', dealId);
    return deal;
  }

  /** Refuses accepted, rejected and superseded proposals. */
  function requireOpen(proposal: Proposal): void {
    if (!isActive(proposal)) throw new CrmError('INVALID_STATE', 'error.proposalClosed', { field: 'proposalId' });
  }

  function requireLines(proposal: Proposal): void {
    if (!proposal.lines.length) throw new CrmError('VALIDATION', 'error.required', { field: 'lines' });
  }

  const revisionsOf = (dealId: Id) =>
    db.proposals.where('[dealId+revision]').between([dealId, -Infinity], [dealId, Infinity]).toArray();

  function applyChanges(proposal: Proposal, changes: v.InferOutput<typeof changesSchema>): void {
    if (changes.currency !== undefined) proposal.currency = changes.currency;
    if (changes.lines !== undefined) proposal.lines = withLineIds(ctx, changes.lines);
    if (changes.validUntil === null) delete proposal.validUntil;
    else if (changes.validUntil !== undefined) proposal.validUntil = changes.validUntil;
    if (changes.comment === null || changes.comment === '') delete proposal.comment;
    else if (changes.comment !== undefined) proposal.comment = changes.comment;
  }

  return {
    async create(dealId, input) {
      const parsed = parseInput(createSchema, input ?? {});
      return ctx.write([db.proposals, db.deals], async () => {
        const deal = await requireDeal(dealId);
        const revisions = await revisionsOf(dealId);
        const open = revisions.find(isActive);
        if (open) throw new CrmError('CONFLICT', 'error.openProposalExists', { field: 'dealId', params: { id: open.id } });
        const now = ctx.now();
        const proposal: Proposal = {
          id: ctx.newId(),
          dealId,
          revision: (revisions.at(-1)?.revision ?? 0) + 1,
          status: 'draft',
          currency: parsed.currency ?? deal.amount.currency,
          lines: withLineIds(ctx, parsed.lines),
          createdAt: now,
          updatedAt: now,
        };
        if (parsed.validUntil !== undefined) proposal.validUntil = parsed.validUntil;
        if (parsed.comment !== undefined) proposal.comment = parsed.comment;
        await db.proposals.add(proposal);
        return proposal;
      });
    },

    async updateDraft(proposalId, changes) {
      const parsed = parseInput(changesSchema, changes ?? {});
      return ctx.write([db.proposals], async () => {
        const proposal = await requireProposal(proposalId);
        requireOpen(proposal);
        if (proposal.status !== 'draft') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'proposalId' });
        const updated: Proposal = { ...proposal, updatedAt: ctx.now() };
        applyChanges(updated, parsed);
        await db.proposals.put(updated);
        return updated;
      });
    },

    async send(proposalId) {
      return ctx.write([db.proposals], async () => {
        const proposal = await requireProposal(proposalId);
        requireOpen(proposal);
        if (proposal.status !== 'draft') throw new CrmError('INVALID_STATE', 'error.invalidTransition', { field: 'proposalId' });
        requireLines(proposal);
        const sent: Proposal = { ...proposal, status: 'sent', updatedAt: ctx.now() };
        await db.proposals.put(sent);
        return sent;
      });
    },

    async revise(proposalId, changes = {}) {
      const parsed = parseInput(changesSchema, changes);
      return ctx.write([db.proposals], async () => {
        const previous = await requireProposal(proposalId);
        requireOpen(previous);
        const revisions = await revisionsOf(previous.dealId);
        const now = ctx.now();
        const next: Proposal = {
          ...previous,
          id: ctx.newId(),
          revision: (revisions.at(-1)?.revision ?? previous.revision) + 1,
          status: 'draft',
          lines: previous.lines.map((line) => ({ ...line })),
          createdAt: now,
          updatedAt: now,
        };
        delete next.rejectReason;
        delete next.orderId;
        applyChanges(next, parsed);
        await db.proposals.put({ ...previous, status: 'superseded', updatedAt: now });
        await db.proposals.add(next);
        return next;
      });
    },

    async accept(proposalId) {
      return ctx.write([db.proposals, db.deals, db.orders, db.counterparties], async () => {
        const proposal = await requireProposal(proposalId);
        requireOpen(proposal);
        requireLines(proposal);
        const deal = await requireDeal(proposal.dealId);
        if (deal.clientType !== 'counterparty')
          throw new CrmError('INVALID_STATE', 'error.clientNotCounterparty', { field: 'dealId' });
        const now = ctx.now();
        const order = await store.orders.create({
          counterpartyId: deal.clientId,
          dealId: deal.id,
          proposalId: proposal.id,
          date: calendarDateOf(now),
          currency: proposal.currency,
          lines: proposal.lines,
        });
        const accepted: Proposal = { ...proposal, status: 'accepted', orderId: order.id, updatedAt: now };
        await db.proposals.put(accepted);
        return { proposal: accepted, order };
      });
    },

    async reject(proposalId, input) {
      const { reason } = parseInput(rejectSchema, input ?? {});
      return ctx.write([db.proposals], async () => {
        const proposal = await requireProposal(proposalId);
        requireOpen(proposal);
        const rejected: Proposal = { ...proposal, status: 'rejected', rejectReason: reason, updatedAt: ctx.now() };
        await db.proposals.put(rejected);
        return rejected;
      });
    },

    get: (proposalId) => db.proposals.get(proposalId),
    forDeal: (dealId) => revisionsOf(dealId),
    latest: (dealId) => db.proposals.where('[dealId+revision]').between([dealId, -Infinity], [dealId, Infinity]).last(),

    async active(counterpartyId) {
      let proposals: Proposal[];
      if (counterpartyId === undefined) {
        proposals = await db.proposals.where('status').anyOf('draft', 'sent').toArray();
      } else {
        const dealIds = await db.deals.where('[clientType+clientId]').equals(['counterparty', counterpartyId]).primaryKeys();
        proposals = (await db.proposals.where('dealId').anyOf(dealIds).toArray()).filter(isActive);
      }
      return proposals.sort((a, b) => b.updatedAt - a.updatedAt);
    },

    async addCompetitorOffer(dealId, input) {
      const parsed = parseInput(competitorOfferSchema, input);
      return ctx.write([db.competitorOffers, db.deals], async () => {
        const deal = await requireDeal(dealId);
        const now = ctx.now();
        const offer: CompetitorOffer = {
          id: ctx.newId(),
          dealId,
          competitor: parsed.competitor,
          currency: parsed.currency ?? deal.amount.currency,
          lines: withLineIds(ctx, parsed.lines),
          createdAt: now,
          updatedAt: now,
        };
        if (parsed.comment !== undefined) offer.comment = parsed.comment;
        await db.competitorOffers.add(offer);
        return offer;
      });
    },

    async removeCompetitorOffer(offerId) {
      return ctx.write([db.competitorOffers], async () => {
        const offer = await db.competitorOffers.get(offerId);
        if (!offer) throw notFound('offerId', offerId);
        await db.competitorOffers.delete(offerId);
        return offer;
      });
    },

    async competitorOffers(dealId) {
      return (await db.competitorOffers.where('dealId').equals(dealId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    },

    async compare(dealId) {
      const [revisions, offers] = await Promise.all([revisionsOf(dealId), db.competitorOffers.where('dealId').equals(dealId).toArray()]);
      offers.sort((a, b) => a.createdAt - b.createdAt);
      const proposal = revisions.filter(isActive).at(-1) ?? revisions.at(-1);
      return { proposal, offers: offers.map((offer) => compareOffer(proposal, offer)) };
    },
  };
}
