// A reviewer finds a case by a word of its document, claims, screens and proposes to publish; another coordinator
// approves it. Input: baseUrl, password, reviewer, coordinator, word, reference.
export default async function (s, input) {
  const { page } = s;
  await s.step('the reviewer signs in and lands on the queue', async () => {
    await page.goto(input.baseUrl + '/');
    await s.signIn(input.reviewer, input.password);
    s.check(page.url().startsWith(input.baseUrl + '/cases'), `after sign-in at ${page.url()}`);
    await s.audit('queue');
  });
  await s.step('a word from the document finds the case', async () => {
    await page.fill('#q', input.word);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Show")')]);
    s.check(page.url().includes('q=' + input.word), page.url());
    const rows = await page.locator('tbody tr').count();
    s.check(rows === 1, `${rows} cases found`);
    s.check((await page.textContent('tbody')).includes(input.reference), 'the case is not listed');
    s.check((await page.textContent('tbody mark')) === input.word, 'the found word is not marked in the match');
    await s.audit('queue searched');
    await s.shot('console-queue');
    await Promise.all([page.waitForNavigation(), page.click(`a:has-text("${input.reference}")`)]);
  });
  await s.step('the case page shows the contribution, its documents and its extracted text', async () => {
    s.check((await page.textContent('h1')).includes(input.reference), 'not the case page');
    s.check((await page.textContent('main')).includes('internal, never published'), 'contact not marked internal');
    await s.audit('case (new)');
    await Promise.all([page.waitForNavigation(), page.click('text=Read the text')]);
    s.check((await page.textContent('pre.text')).includes(input.word), 'the extracted text lacks the word');
    await s.audit('extracted text');
    await page.goBack();
  });
  await s.step('the reviewer claims the case', async () => {
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Claim this case")')]);
    s.check((await page.textContent('.status')).includes('In review'), 'not in review');
    s.check((await page.textContent('.status')).includes(input.reviewer), 'not assigned to the reviewer');
  });
  await s.step('the queue and the case page work from the keyboard', async () => {
    await page.goto(input.baseUrl + '/cases?q=' + encodeURIComponent(input.word));
    await page.keyboard.press('Tab');
    s.check((await page.evaluate(() => document.activeElement.className)) === 'skip', 'the first Tab does not reach the skip link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/);
    s.check((await page.evaluate(() => document.activeElement.closest('main') !== null || location.hash === '#main')),
      'the skip link does not lead to the main content');
    await page.focus('#q');
    // Enter submits the search form: a new page, waited for before anything else navigates.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    s.check((await page.textContent('tbody')).includes(input.reference), 'Enter in the search field does not search');
    await page.goto(input.baseUrl + '/cases/' + input.caseId);
  });
  await s.step('a stale page is refused and shows the case as it is now', async () => {
    const other = await s.context.newPage();
    await other.goto(page.url());
    await other.fill('#note', 'Written in a second tab.');
    await Promise.all([other.waitForNavigation(), other.click('button:has-text("Save the screening")')]);
    await other.close();
    await page.fill('#note', 'Written on the stale page.');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save the screening")')]);
    s.check(response.status() === 412, `status ${response.status()}`);
    s.check((await page.textContent('[role=alert]')).includes('Someone changed this case'), 'no notice');
    s.check((await page.textContent('main')).includes('Written in a second tab.'), 'the newer change is not shown');
    await s.audit('case (stale edit refused)');
  });
  await s.step('the reviewer screens it within the mandate', async () => {
    await page.check('#within-yes');
    await page.selectOption('#reasonCode', 'WITHIN_MANDATE');
    await page.fill('#note', 'Relevant to the call.');
    await page.fill('#tags', 'schools');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Save the screening")')]);
    s.check((await page.textContent('main')).includes('Relevant to the call.'), 'the screening is not shown');
    await s.audit('case (screened)');
    await s.shot('console-case');
  });
  await s.step('the reviewer proposes to publish', async () => {
    await page.selectOption('#decision', 'PUBLISH');
    await page.fill('#reason', 'Within the mandate; consent to publish in full.');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Propose")')]);
    s.check((await page.textContent('.status')).includes('Decision proposed'), 'not proposed');
    await Promise.all([page.waitForNavigation({ url: /signed-out/ }), page.click('button:has-text("Sign out")')]);
  });
  await s.step('the coordinator finds it awaiting approval and approves', async () => {
    await page.goto(input.baseUrl + '/cases?view=approvals');
    await s.signIn(input.coordinator, input.password);
    s.check(page.url().includes('view=approvals'), `not back on the approvals view: ${page.url()}`);
    s.check((await page.textContent('tbody')).includes(input.reference), 'the case is not awaiting approval');
    await s.audit('approvals');
    await Promise.all([page.waitForNavigation(), page.click(`a:has-text("${input.reference}")`)]);
    await s.audit('case (proposed)');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Approve the proposal")')]);
    s.check((await page.textContent('.status')).includes('Decided'), 'not decided');
    s.check((await page.textContent('main')).includes(input.coordinator), 'the approver is not shown');
    await s.audit('case (decided)');
  });
  await s.step('the coordinator verifies the audit trail', async () => {
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Audit trail")')]);
    s.check((await page.textContent('#audit-result')).includes('The audit trail holds'), await page.textContent('main'));
    await s.audit('audit verification');
  });
  await s.step('the call\'s statistics count it and its export downloads', async () => {
    await page.goto(input.baseUrl + '/calls/' + input.callId + '/statistics');
    const byStatus = await page.textContent('#chart-byStatus + table');
    s.check(/Decided\s*1/.test(byStatus.replace(/\s+/g, ' ')), `by status: ${byStatus}`);
    await s.audit('statistics');
    await s.shot('console-statistics');
    const csv = await page.request.get(input.baseUrl + '/calls/' + input.callId + '/export.csv');
    s.check(csv.status() === 200, `export: ${csv.status()}`);
    s.check(csv.headers()['content-type'].startsWith('text/csv'), csv.headers()['content-type']);
    s.check(csv.headers()['content-disposition'].startsWith('attachment'), 'not a download');
    const text = await csv.text();
    s.check(text.includes(input.reference), 'the export lacks the case');
    s.check(!text.includes('camille.private@example.org'), 'the export has the contact');
  });
}
