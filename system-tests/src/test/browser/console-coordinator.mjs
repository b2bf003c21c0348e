// A coordinator assigns a case (a reviewer's declared conflicts are shown first, and the platform refuses the one
// that concerns it); the assigned reviewer makes a metadata-cleaned copy, uploads a redacted copy and claims two
// other cases at once from the queue. Input: baseUrl, password, caseId, conflicted, reviewer, coordinator,
// redactedFile, bulkWord.
export default async function (s, input) {
  const { page } = s;
  await s.step('the coordinator sees the declared conflicts before assigning, and the refusal', async () => {
    await page.goto(input.baseUrl + '/cases/' + input.caseId);
    await s.signIn(input.coordinator, input.password);
    await page.fill('#assignee', input.conflicted);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Assign")')]);
    s.check(await page.isVisible('#conflicts'), 'the conflicts are not shown');
    s.check((await page.textContent('#conflicts')).includes('Civil Rights Legal Network'), 'not the declared conflict');
    await s.audit('assignment: conflicts shown');
    await s.shot('console-assign-conflicts');
    const [response] = await Promise.all([page.waitForNavigation(), page.click(`button:has-text("Assign to ${input.conflicted}")`)]);
    s.check(response.status() === 409, `status ${response.status()}`);
    s.check((await page.textContent('.notice.warning')).includes('conflict of interest'), 'no reason given');
  });
  await s.step('the coordinator assigns a reviewer without conflicts', async () => {
    await page.goto(input.baseUrl + '/cases/' + input.caseId);
    await page.fill('#assignee', input.reviewer);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Assign")')]);
    s.check((await page.textContent('.status')).includes('assigned to ' + input.reviewer), 'not assigned');
    await Promise.all([page.waitForNavigation({ url: /signed-out/ }), page.click('button:has-text("Sign out")')]);
  });
  await s.step('the reviewer makes a copy without identifying metadata', async () => {
    await page.goto(input.baseUrl + '/cases/' + input.caseId);
    await s.signIn(input.reviewer, input.password);
    await page.click('details.facts-of summary');
    s.check((await page.textContent('details.facts-of')).includes('Camille Martin'), 'the author is not shown');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Make a copy without identifying metadata")')]);
    s.check((await page.textContent('main')).includes('Copy without identifying metadata'), 'no cleaned copy shown');
  });
  await s.step('the reviewer uploads a redacted copy, with progress', async () => {
    await page.setInputFiles('form.upload input[type=file]', input.redactedFile);
    await Promise.all([page.waitForURL(/done=redacted/), page.click('button:has-text("Upload the redacted copy")')]);
    s.check((await page.textContent('main')).includes('Redacted copy redacted.docx'), 'no redacted copy shown');
    await s.audit('case with cleaned and redacted copies');
    await s.shot('console-case-copies');
  });
  await s.step('the reviewer claims two cases at once from the queue', async () => {
    await page.goto(input.baseUrl + '/cases?status=NEW&q=' + encodeURIComponent(input.bulkWord));
    const boxes = page.locator('input[name=case]');
    s.check((await boxes.count()) === 2, `${await boxes.count()} cases to pick`);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Claim the selected cases")')]);
    s.check((await page.textContent('[role=status]')).includes('2 cases claimed, 0 refused'), await page.textContent('main'));
    await s.audit('queue after bulk claim');
  });
}
