// What the console refuses or survives. Input: baseUrl, password, callId, hostileCaseId, and the users.
export default async function (s, input) {
  const { page, context } = s;
  await s.step('a contributor account is not allowed in and sees no data', async () => {
    await page.goto(input.baseUrl + '/calls');
    await s.signIn(input.contributor, input.password);
    const response = await page.goto(input.baseUrl + '/calls');
    s.check(response.status() === 403, `status ${response.status()}`);
    s.check((await page.textContent('h1')).includes('Not allowed'), 'no "not allowed" page');
    s.check(!(await page.textContent('main')).includes(input.callSlug), 'the page shows a call');
    const cases = await page.goto(input.baseUrl + '/cases');
    s.check(cases.status() === 403, `queue: status ${cases.status()}`);
    await s.audit('not allowed');
    await s.shot('console-not-allowed');
    await Promise.all([page.waitForNavigation({ url: /signed-out/ }), page.click('button:has-text("Sign out")')]);
  });
  await s.step('the reviewer signs in', async () => {
    await page.goto(input.baseUrl + '/cases/' + input.hostileCaseId);
    await s.signIn(input.reviewer, input.password);
    s.check(page.url() === input.baseUrl + '/cases/' + input.hostileCaseId, `not back on the case: ${page.url()}`);
  });
  await s.step('hostile metadata is inert on the case page', async () => {
    s.check(s.dialogs.length === 0, `a script ran: ${s.dialogs}`);
    s.check((await page.locator('main img, main svg, main script, main iframe, main b').count()) === 0, 'markup from the contribution was rendered');
    s.check((await page.locator('a[href^="javascript"], a[href^="JAVASCRIPT"], a[href^="data:"]').count()) === 0, 'a javascript: link is clickable');
    s.check((await page.textContent('h1')).includes('<script>'), 'the title is not shown as text');
    await page.click('details.facts-of summary');
    s.check((await page.textContent('details.facts-of')).includes("<script>alert('author')</script>"), 'the author is not shown as text');
    s.check(s.dialogs.length === 0, `a script ran: ${s.dialogs}`);
    s.check((await page.locator('main img, main svg, main script, main iframe, main b').count()) === 0, 'markup from the document was rendered');
    for (const a of await page.locator('ul.links a').all()) {
      s.check((await a.getAttribute('rel')) === 'noopener noreferrer', 'a link without rel=noopener noreferrer');
    }
    await s.audit('case with hostile metadata');
  });
  await s.step('hostile metadata is inert in the queue', async () => {
    await page.goto(input.baseUrl + '/cases?q=' + encodeURIComponent(input.hostileWord));
    s.check(s.dialogs.length === 0, `a script ran: ${s.dialogs}`);
    s.check((await page.locator('main img, main svg, main script, main b').count()) === 0, 'markup rendered in the queue');
  });
  await s.step('a form without or with a forged CSRF token changes nothing', async () => {
    await page.goto(input.baseUrl + '/cases/' + input.hostileCaseId);
    const version = await page.inputValue('form[action$="/claim"] input[name=version]');
    const statuses = await page.evaluate(async ({ id, version }) => {
      const post = (body) => fetch(`/cases/${id}/claim`, { method: 'POST', body: new URLSearchParams(body),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' }).then((r) => r.status);
      return [await post({ version }), await post({ version, 'csrf-token': 'forged-token-value' })];
    }, { id: input.hostileCaseId, version });
    s.record('csrfStatuses', statuses.join(','));
    s.check(statuses.every((st) => st === 400), `statuses ${statuses}`);
  });
  await s.step('a lost session sends the user through sign-in and back to the page', async () => {
    await context.clearCookies({ name: 'q_session' });
    await page.goto(input.baseUrl + '/calls/' + input.callId);
    // Keycloak's own session still stands: the user comes back without typing anything.
    s.check(page.url() === input.baseUrl + '/calls/' + input.callId, `after re-authentication at ${page.url()}`);
    await context.clearCookies();
    await page.goto(input.baseUrl + '/calls/' + input.callId);
    await s.signIn(input.reviewer, input.password);
    s.check(page.url() === input.baseUrl + '/calls/' + input.callId, `after signing in again at ${page.url()}`);
  });
  await s.step('the reviewer may not edit a call', async () => {
    const response = await page.goto(input.baseUrl + '/calls/' + input.callId + '/edit');
    s.check(response.status() === 403, `status ${response.status()}`);
    const post = await page.evaluate(async (id) => {
      const token = document.cookie; // HttpOnly: the page cannot read the CSRF cookie
      return [token.includes('csrf'), (await fetch(`/calls/${id}/close`, { method: 'POST', redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' })).status];
    }, input.callId);
    s.check(!post[0], 'the CSRF cookie is readable by scripts');
    s.check(post[1] === 400 || post[1] === 403, `close as reviewer: ${post[1]}`);
  });
}
