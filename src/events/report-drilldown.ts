/**
 * Fired when the user picks a row of a report (a funnel stage, a source, a
 * manager) to see what is behind it: `variant` names the report, `key` the row
 * (a stage, source or user id; `leads` | `customers` | `orders` in the lead
 * funnel; `''` for "no source" / "no manager"), `dealIds` the deals behind it
 * and `ids` the row's records (deal ids, or lead / counterparty / order ids in
 * the lead funnel).
 */
export class CrmReportDrilldownEvent extends Event {
  static readonly eventName = 'crm-report-drilldown';

  constructor(
    readonly variant: string,
    readonly key: string,
    readonly dealIds: readonly string[],
    readonly ids: readonly string[] = dealIds,
  ) {
    super(CrmReportDrilldownEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'crm-report-drilldown': CrmReportDrilldownEvent;
  }
}
