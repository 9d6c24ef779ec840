import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../../src/components/pipeline-editor/pipeline-editor.js';
import type { CrmPipelineEditor } from '../../../src/components/pipeline-editor/pipeline-editor.js';
import type { CrmPipelineChangeEvent, CrmPipelineChangeRequestEvent, PipelineChange } from '../../../src/events/index.js';
import { getStore, type CrmStore, type Deal, type Stage } from '../../../src/store/index.js';
import { click, deepActive as focused, inner, inProvider, plain, textOf } from '../../support/dom.js';
import { deleteTestStores, uniqueDatabaseName, waitUntil } from '../../support/fixtures.js';
import { snapshot } from '../../support/store.js';


const rows = (el: CrmPipelineEditor) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li[data-stage-id]')];
const names = (el: CrmPipelineEditor) => rows(el).map((row) => plain(row.querySelector('.name')?.textContent));
const rowOf = (el: CrmPipelineEditor, name: string) => rows(el).find((row) => plain(row.querySelector('.name')?.textContent) === name)!;
const control = (el: CrmPipelineEditor, name: string, which: string) => rowOf(el, name).querySelector<HTMLElement>(`[data-control="${which}"]`)!;
const status = (el: CrmPipelineEditor) => plain(inner(el, '[role="status"]').textContent);
/** The remove dialog's host: rendered once its module has loaded, on the first removal. */
const removeDialogOf = (el: CrmPipelineEditor) => el.shadowRoot!.querySelector<HTMLElement & { shadowRoot: ShadowRoot }>('crm-pipeline-editor-remove-dialog');
const removeDialogOpen = (el: CrmPipelineEditor) => Boolean(removeDialogOf(el)?.shadowRoot?.querySelector('dialog')?.open);
const storeNames = async (store: CrmStore, pipelineId: string) => (await store.pipelines.stages(pipelineId)).map((stage) => stage.name);

/** Records the editor's events (its requests and its after-events). */
function recordEvents(el: HTMLElement) {
  const requests: PipelineChange[] = [];
  const changes: PipelineChange[] = [];
  el.addEventListener('crm-pipeline-change-request', (event: CrmPipelineChangeRequestEvent) => requests.push(event.change));
  el.addEventListener('crm-pipeline-change', (event: CrmPipelineChangeEvent) => changes.push(event.change));
  return { requests, changes };
}

interface World {
  name: string;
  store: CrmStore;
  pipelineId: string;
  stages: Stage[];
  /** Two open deals and a won one at «Кваліфікація», one open at «Нова угода». */
  deals: Deal[];
}

async function world(stageNames = ['Нова угода', 'Кваліфікація', 'Переговори', 'Договір']): Promise<World> {
  const name = uniqueDatabaseName('pipeline-editor');
  const store = getStore(name);
  const { pipeline, stages } = await store.pipelines.create({ name: 'Продажі', stages: stageNames });
  const lead = await store.leads.create({ name: 'Олена Гнатюк' });
  const client = { type: 'lead' as const, id: lead.id };
  const deals: Deal[] = [];
  if (stages.length > 1) {
    for (const title of ['Кухня', 'Шафа-купе', 'Стіл']) deals.push(await store.deals.create({ title, pipelineId: pipeline.id, stageId: stages[1]!.id, client }));
    deals[2] = await store.deals.win(deals[2]!.id);
    deals.push(await store.deals.create({ title: 'Ліжко', pipelineId: pipeline.id, stageId: stages[0]!.id, client }));
  }
  return { name, store, pipelineId: pipeline.id, stages, deals };
}

async function boundEditor(w: World, lang = 'uk', theme = 'light'): Promise<CrmPipelineEditor> {
  const el = await inProvider('crm-pipeline-editor', w.name, html`<crm-pipeline-editor pipeline=${w.pipelineId}></crm-pipeline-editor>`, { lang, theme });
  await waitUntil(() => rows(el).length === w.stages.length, 'the stages never showed');
  return el;
}

describe('crm-pipeline-editor', () => {
  afterEach(async () => {
    await resetMouse();
    await deleteTestStores();
  });

  it('lists a bound pipeline’s stages in order with their open-deal counts, live', async () => {
    const w = await world();
    const el = await boundEditor(w);
    expect(plain(inner(el, '[role="heading"]').textContent)).to.equal('Етапи воронки «Продажі»');
    expect(names(el)).to.deep.equal(['Нова угода', 'Кваліфікація', 'Переговори', 'Договір']);
    // The won deal is not open: two, not three.
    expect(plain(rowOf(el, 'Кваліфікація').querySelector('.count')!.textContent)).to.equal('2 угоди');
    expect(plain(rowOf(el, 'Нова угода').querySelector('.count')!.textContent)).to.equal('1 угода');
    expect(plain(rowOf(el, 'Договір').querySelector('.count')!.textContent)).to.equal('0 угод');
    expect(control(el, 'Кваліфікація', 'up').getAttribute('aria-label')).to.equal('Перемістити етап «Кваліфікація» вище');
    expect(control(el, 'Нова угода', 'up').getAttribute('aria-disabled')).to.equal('true');

    await w.store.deals.moveToStage(w.deals[3]!.id, w.stages[3]!.id);
    await waitUntil(() => plain(rowOf(el, 'Договір').querySelector('.count')!.textContent) === '1 угода', 'the count did not follow the store');
    await w.store.pipelines.renameStage(w.stages[2]!.id, 'Торг');
    await waitUntil(() => names(el)[2] === 'Торг', 'the name did not follow the store');
    await expect(el).to.be.accessible();
  });

  it('adds a stage by keyboard after a chosen stage: written, announced, the field emptied', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const events = recordEvents(el);
    inner(el, '#add-name').focus();
    await sendKeys({ type: 'Презентація' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(inner(el, '#add-placement'));
    // At the end → At the start → After «Нова угода» → After «Кваліфікація».
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'ArrowDown' });
    expect(inner<HTMLSelectElement>(el, '#add-placement').value).to.equal(w.stages[1]!.id);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => names(el).includes('Презентація'), 'the new stage never showed');
    expect(await storeNames(w.store, w.pipelineId)).to.deep.equal(['Нова угода', 'Кваліфікація', 'Презентація', 'Переговори', 'Договір']);
    expect(names(el)[2]).to.equal('Презентація');
    expect(events.requests).to.deep.equal([{ kind: 'stage-add', pipelineId: w.pipelineId, name: 'Презентація', position: 2 }]);
    expect(events.changes).to.deep.equal(events.requests);
    await waitUntil(() => status(el) === 'Етап «Презентація» додано: 3 з 5');
    expect(inner<HTMLInputElement>(el, '#add-name').value).to.equal('');

    // Enter in the name field adds at the end.
    inner(el, '#add-name').focus();
    await sendKeys({ type: 'Виконання' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await storeNames(w.store, w.pipelineId)).at(-1) === 'Виконання', 'not added at the end');
  });

  it('refuses an empty or a duplicate name at the field, in Ukrainian, and writes nothing', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const events = recordEvents(el);
    const before = await snapshot(w.store, ['stages']);
    const field = inner<HTMLInputElement>(el, '#add-name');
    field.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => field.getAttribute('aria-invalid') === 'true', 'no error for an empty name');
    expect(plain(inner(el, '#add-name-error').textContent)).to.equal('Заповніть це поле');
    expect(field.getAttribute('aria-describedby')).to.contain('add-name-error');
    expect(focused()).to.equal(field);

    await sendKeys({ type: '  кваліфікація ' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => plain(inner(el, '#add-name-error').textContent) === 'Така назва вже є — виберіть іншу', 'no duplicate error');
    expect(focused()).to.equal(field);
    expect(events.requests).to.deep.equal([]);
    expect(await snapshot(w.store, ['stages'])).to.deep.equal(before);
    await expect(el).to.be.accessible();
  });

  it('renames a stage inline by keyboard: Enter saves, Escape cancels, focus returns to “Rename”', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const events = recordEvents(el);
    control(el, 'Переговори', 'rename').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('data-control') === 'rename-input', 'the field did not take focus');
    const input = focused() as HTMLInputElement;
    expect(input.value).to.equal('Переговори');
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: 'Узгодження умов' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => names(el)[2] === 'Узгодження умов', 'the new name never showed');
    expect((await w.store.pipelines.stage(w.stages[2]!.id))!.name).to.equal('Узгодження умов');
    expect(events.changes).to.deep.equal([{ kind: 'stage-rename', pipelineId: w.pipelineId, stageId: w.stages[2]!.id, name: 'Узгодження умов' }]);
    await waitUntil(() => focused() === control(el, 'Узгодження умов', 'rename'), 'focus did not return to Rename');
    await waitUntil(() => status(el) === 'Етап «Переговори» перейменовано на «Узгодження умов»');

    // A duplicate is refused at the field; Escape then leaves the old name.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('data-control') === 'rename-input');
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: 'Договір' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => plain(el.shadowRoot!.querySelector(`#rename-${w.stages[2]!.id}-error`)?.textContent) === 'Така назва вже є — виберіть іншу');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused() === control(el, 'Узгодження умов', 'rename'), 'Escape did not close the field');
    expect(status(el)).to.equal('Перейменування скасовано');
    expect((await w.store.pipelines.stage(w.stages[2]!.id))!.name).to.equal('Узгодження умов');
    expect(events.requests).to.have.length(1);
  });

  it('reorders with “Move down”, Alt+↓ and Alt+↑: the store’s order changes and focus follows the row', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const events = recordEvents(el);
    const first = w.stages[0]!;
    control(el, 'Нова угода', 'down').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await storeNames(w.store, w.pipelineId))[1] === 'Нова угода', 'Move down did not write');
    await waitUntil(() => names(el)[1] === 'Нова угода');
    await waitUntil(() => focused() === control(el, 'Нова угода', 'down'), 'focus did not follow the moved row');
    await waitUntil(() => status(el) === 'Етап «Нова угода» переміщено: 2 з 4');

    await sendKeys({ press: 'Alt+ArrowDown' });
    await waitUntil(async () => (await storeNames(w.store, w.pipelineId))[2] === 'Нова угода', 'Alt+ArrowDown did not write');
    await waitUntil(() => names(el)[2] === 'Нова угода' && focused() === control(el, 'Нова угода', 'down'), 'focus did not follow Alt+ArrowDown');

    // Alt+↑ from another control of the row keeps focus on that control.
    control(el, 'Нова угода', 'rename').focus();
    await sendKeys({ press: 'Alt+ArrowUp' });
    await sendKeys({ press: 'Alt+ArrowUp' });
    await waitUntil(async () => (await storeNames(w.store, w.pipelineId))[0] === 'Нова угода', 'Alt+ArrowUp did not write');
    await waitUntil(() => names(el)[0] === 'Нова угода' && focused() === control(el, 'Нова угода', 'rename'));
    expect(events.changes.map((change) => change.kind === 'stage-reorder' && change.stageIds.indexOf(first.id))).to.deep.equal([1, 2, 1, 0]);
    expect(events.changes).to.deep.equal(events.requests);

    // At the top: nothing is written, and the user is told.
    await sendKeys({ press: 'Alt+ArrowUp' });
    await waitUntil(() => status(el) === 'Етап «Нова угода» уже перший');
    expect(events.requests).to.have.length(4);
    expect(await storeNames(w.store, w.pipelineId)).to.deep.equal(['Нова угода', 'Кваліфікація', 'Переговори', 'Договір']);
  });

  it('reorders by dragging a row with the mouse', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const grip = rowOf(el, 'Нова угода').querySelector('.grip')!.getBoundingClientRect();
    const target = rowOf(el, 'Переговори').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(grip.x + grip.width / 2), Math.round(grip.y + grip.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(grip.x + 20), Math.round(grip.y + 15)] });
    await sendMouse({ type: 'move', position: [Math.round(target.x + 40), Math.round(target.y + target.height * 0.75)] });
    await sendMouse({ type: 'move', position: [Math.round(target.x + 42), Math.round(target.y + target.height * 0.8)] });
    await sendMouse({ type: 'up' });
    await waitUntil(async () => (await storeNames(w.store, w.pipelineId))[2] === 'Нова угода', 'the drop did not reorder');
    expect(await storeNames(w.store, w.pipelineId)).to.deep.equal(['Кваліфікація', 'Переговори', 'Нова угода', 'Договір']);
    await waitUntil(() => names(el)[2] === 'Нова угода');
  });

  it('removes a stage with deals: asks where they go and moves every deal there, each with a history entry', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const events = recordEvents(el);
    const [, qualification, , contract] = w.stages;
    control(el, 'Кваліфікація', 'remove').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => removeDialogOpen(el), 'the dialog did not open');
    const dialogHost = removeDialogOf(el)!;
    const dialog = dialogHost.shadowRoot!;
    expect(plain(dialog.querySelector('h2')!.textContent)).to.equal('Видалити етап «Кваліфікація»?');
    // Three: the won deal moves too.
    expect(plain(dialog.querySelector('#remove-deals')!.textContent)).to.contain('На цьому етапі 3 угоди');
    await expect(dialogHost).to.be.accessible();

    // Confirming without a target is refused at the select.
    const select = dialog.querySelector<HTMLSelectElement>('#remove-target')!;
    await click(dialog.querySelector('button[type="submit"]')!);
    await waitUntil(() => select.getAttribute('aria-invalid') === 'true', 'no error at the select');
    expect(plain(dialog.querySelector('#remove-target-error')!.textContent)).to.equal('На етапі є угоди: виберіть, куди їх перенести');
    expect(events.requests).to.deep.equal([]);

    // Choose «Договір» by keyboard (Choose → Нова угода → Переговори → Договір) and confirm.
    select.focus();
    for (let i = 0; i < 3; i += 1) await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal(contract!.id);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });

    await waitUntil(() => !names(el).includes('Кваліфікація'), 'the stage did not go');
    expect(await storeNames(w.store, w.pipelineId)).to.deep.equal(['Нова угода', 'Переговори', 'Договір']);
    for (const deal of w.deals.slice(0, 3)) {
      const after = (await w.store.deals.get(deal.id))!;
      expect(after.stageId).to.equal(contract!.id);
      expect(after.status).to.equal(deal.status);
      const history = await w.store.deals.history(deal.id);
      const last = history.at(-1)!;
      expect(last).to.include({ fromStageId: qualification!.id, stageId: contract!.id, status: deal.status, seq: history.length - 1 });
    }
    expect((await w.store.deals.get(w.deals[3]!.id))!.stageId).to.equal(w.stages[0]!.id);
    expect(events.changes).to.deep.equal([{ kind: 'stage-remove', pipelineId: w.pipelineId, stageId: qualification!.id, moveDealsTo: contract!.id }]);
    await waitUntil(() => status(el) === 'Етап «Кваліфікація» видалено, 3 угоди перенесено на етап «Договір»');
    await waitUntil(() => plain(rowOf(el, 'Договір').querySelector('.count')!.textContent) === '2 угоди');
    // Focus lands on the row that took the removed one's place.
    await waitUntil(() => focused() === control(el, 'Переговори', 'rename'), 'focus was lost');
  });

  it('removes an empty stage after a plain confirmation; Escape cancels', async () => {
    const w = await world();
    const el = await boundEditor(w, 'en');
    const isOpen = () => removeDialogOpen(el);
    control(el, 'Переговори', 'remove').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(isOpen, 'the dialog did not open');
    const dialogHost = removeDialogOf(el)!;
    expect(plain(dialogHost.shadowRoot!.querySelector('#remove-deals')!.textContent)).to.equal('There are no deals at this stage, so nothing needs to move.');
    expect(dialogHost.shadowRoot!.querySelector('select')).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen());
    expect(await storeNames(w.store, w.pipelineId)).to.have.length(4);

    control(el, 'Переговори', 'remove').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(isOpen);
    await click(dialogHost.shadowRoot!.querySelector('button[type="submit"]')!);
    await waitUntil(async () => (await storeNames(w.store, w.pipelineId)).length === 3, 'not removed');
    await waitUntil(() => status(el) === 'Stage “Переговори” removed');
  });

  it('refuses to remove the only stage, in Ukrainian; one stage passes axe', async () => {
    const w = await world(['Єдиний етап']);
    const el = await boundEditor(w);
    const before = await snapshot(w.store, ['stages']);
    expect(el.shadowRoot!.querySelector('.hint')).to.equal(null);
    await expect(el).to.be.accessible();
    control(el, 'Єдиний етап', 'remove').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => plain(inner(el, '[role="alert"]').textContent) === 'У воронці має лишитися хоча б один етап', 'no refusal shown');
    // Refused before any dialog: none was even loaded.
    expect(removeDialogOf(el)).to.equal(null);
    expect(await snapshot(w.store, ['stages'])).to.deep.equal(before);
  });

  it('renames the pipeline by keyboard', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const button = inner(el, '[data-control="pipeline-rename"]');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === inner(el, '#pipeline-name'));
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: 'Роздріб' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await w.store.pipelines.get(w.pipelineId))!.name === 'Роздріб', 'not renamed');
    await waitUntil(() => plain(inner(el, '[role="heading"]').textContent) === 'Етапи воронки «Роздріб»');
    await waitUntil(() => focused() === inner(el, '[data-control="pipeline-rename"]'));
    expect(status(el)).to.equal('Воронку перейменовано на «Роздріб»');
  });

  it('writes nothing when the host vetoes a request', async () => {
    const w = await world();
    const el = await boundEditor(w);
    const events = recordEvents(el);
    el.addEventListener('crm-pipeline-change-request', (event) => event.preventDefault());
    const before = await snapshot(w.store);

    inner(el, '#add-name').focus();
    await sendKeys({ type: 'Презентація' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el) === 'Цю зміну не дозволено, нічого не змінилося');

    control(el, 'Нова угода', 'down').focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    control(el, 'Договір', 'rename').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused()?.getAttribute('data-control') === 'rename-input');
    await sendKeys({ type: ' підписано' });
    await sendKeys({ press: 'Enter' });

    control(el, 'Кваліфікація', 'remove').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => removeDialogOpen(el), 'the dialog did not open');
    const dialogHost = removeDialogOf(el)!;
    const select = dialogHost.shadowRoot!.querySelector<HTMLSelectElement>('#remove-target')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await click(dialogHost.shadowRoot!.querySelector('button[type="submit"]')!);
    await waitUntil(() => !dialogHost.shadowRoot!.querySelector('dialog')?.open, 'the dialog stayed open');

    expect(events.requests.map((change) => change.kind)).to.deep.equal(['stage-add', 'stage-reorder', 'stage-rename', 'stage-remove']);
    expect(events.changes).to.deep.equal([]);
    expect(await snapshot(w.store)).to.deep.equal(before);
    expect(names(el)).to.deep.equal(['Нова угода', 'Кваліфікація', 'Переговори', 'Договір']);
  });

  it('unbound: shows the given stages, touches no store, and only asks the host, which applies the change', async () => {
    const name = uniqueDatabaseName('pipeline-editor-unbound');
    const store = getStore(name);
    const calls: string[] = [];
    for (const repository of [store.pipelines, store.deals] as unknown as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(repository)) {
        if (typeof value === 'function') repository[key] = (...args: unknown[]) => (calls.push(key), (value as (...a: unknown[]) => unknown)(...args));
      }
    }
    const now = Date.now();
    let stages: Stage[] = ['Заявка', 'Замір', 'Монтаж'].map((stageName, order) => ({ id: `s${order}`, pipelineId: 'p1', name: stageName, order, createdAt: now, updatedAt: now }));
    const provider = await fixture(
      html`<crm-provider database=${name} lang="uk"
        ><crm-pipeline-editor pipeline-name="Сервіс" .stages=${stages} .counts=${{ s0: 4, s1: 0, s2: 12 }}></crm-pipeline-editor
      ></crm-provider>`,
    );
    const el = provider.querySelector('crm-pipeline-editor')!;
    await el.updateComplete;
    const events = recordEvents(el);
    // The host applies each request to its own data.
    el.addEventListener('crm-pipeline-change-request', ({ change }) => {
      if (change.kind === 'stage-reorder') stages = change.stageIds.map((id) => stages.find((stage) => stage.id === id)!);
      if (change.kind === 'stage-add') stages = [...stages, { ...stages[0]!, id: 's3', name: change.name }];
      if (change.kind === 'stage-remove') stages = stages.filter((stage) => stage.id !== change.stageId);
      el.stages = stages;
    });
    expect(plain(inner(el, '[role="heading"]').textContent)).to.equal('Етапи воронки «Сервіс»');
    expect(names(el)).to.deep.equal(['Заявка', 'Замір', 'Монтаж']);
    expect(plain(rowOf(el, 'Монтаж').querySelector('.count')!.textContent)).to.equal('12 угод');
    await expect(el).to.be.accessible();

    control(el, 'Заявка', 'down').focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    await waitUntil(() => names(el)[1] === 'Заявка' && focused() === control(el, 'Заявка', 'down'), 'focus did not follow');

    inner(el, '#add-name').focus();
    await sendKeys({ type: 'заявка' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => plain(inner(el, '#add-name-error').textContent) === 'Така назва вже є — виберіть іншу');
    await sendKeys({ press: 'Control+A' });
    await sendKeys({ type: 'Оплата' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => names(el).at(-1) === 'Оплата');

    // A stage with deals (from `.counts`) asks where they go.
    control(el, 'Заявка', 'remove').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => removeDialogOpen(el), 'the dialog did not open');
    const dialogHost = removeDialogOf(el)!;
    expect(plain(dialogHost.shadowRoot!.querySelector('#remove-deals')!.textContent)).to.contain('4 угоди');
    const select = dialogHost.shadowRoot!.querySelector<HTMLSelectElement>('#remove-target')!;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await click(dialogHost.shadowRoot!.querySelector('button[type="submit"]')!);
    await waitUntil(() => !names(el).includes('Заявка'));

    expect(events.requests).to.deep.equal([
      { kind: 'stage-reorder', pipelineId: 'p1', stageId: 's0', stageIds: ['s1', 's0', 's2'] },
      { kind: 'stage-add', pipelineId: 'p1', name: 'Оплата' },
      { kind: 'stage-remove', pipelineId: 'p1', stageId: 's0', moveDealsTo: 's1' },
    ]);
    expect(events.changes).to.deep.equal([]);
    expect(calls).to.deep.equal([]);
    expect(await store.pipelines.list()).to.deep.equal([]);
  });

  it('shows loading, an unknown pipeline, very long names and English in the dark, each passing axe', async () => {
    const loading = await fixture<CrmPipelineEditor>(html`<crm-pipeline-editor lang="uk"></crm-pipeline-editor>`);
    expect(textOf(loading)).to.contain('Завантаження…');
    expect(loading.matches(':state(loading)')).to.equal(true);
    await expect(loading).to.be.accessible();

    const name = uniqueDatabaseName('pipeline-editor-missing');
    const provider = await fixture(html`<crm-provider database=${name}><crm-pipeline-editor pipeline="no-such-id"></crm-pipeline-editor></crm-provider>`);
    const missing = provider.querySelector('crm-pipeline-editor')!;
    await waitUntil(() => textOf(missing).includes('Такої воронки немає'), 'no error for an unknown pipeline');
    expect(missing.matches(':state(loading)')).to.equal(false);
    expect(inner(missing, '[role="alert"]')).to.exist;
    await expect(missing).to.be.accessible();

    const long = 'Переговори з керівництвом замовника щодо умов постачання й монтажу обладнання';
    const w = await world(['Нова', long, 'Безпробілівдуже'.repeat(5)]);
    const el = await boundEditor(w, 'en', 'dark');
    expect(plain(inner(el, '[role="heading"]').textContent)).to.equal('Stages of “Продажі”');
    expect(plain(rowOf(el, long).querySelector('.count')!.textContent)).to.equal('2 deals');
    expect(control(el, long, 'remove').getAttribute('aria-label')).to.equal(`Remove stage “${long}”`);
    // Long names wrap inside the row instead of pushing the buttons out.
    const row = rowOf(el, long).getBoundingClientRect();
    expect(control(el, long, 'remove').getBoundingClientRect().right).to.be.at.most(row.right);
    await expect(el).to.be.accessible();
  });
});
