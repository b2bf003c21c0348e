// The registered person follows the link of the verification mail, signs in and contributes step by step: a refused
// first step, a session lost while typing, a refused macro document, a Word document straight to storage, a double
// click on submit, the receipt (download, verify, tampered), then a second contribution with hostile text that is
// withdrawn. Input: baseUrl, verifyLink, email, password, callId, docxPath, macroPath, hostile.
export default async function (s, input) {
  const { page } = s;
  const receipt = {};
  const step1 = async (title) => {
    await page.selectOption('#field-submitterCategory', 'INDIVIDUAL');
    await page.selectOption('#field-country', 'FR');
    await page.selectOption('#field-language', 'en');
    await page.fill('#field-organisationName', input.organisation || 'Camille Martin');
    await page.fill('#field-title', title);
  };
  await s.step('the verification link confirms the address', async () => {
    await page.goto(input.verifyLink);
    const text = await page.textContent('body');
    s.check(/verified|proceed|continuer|Click here/i.test(text) || page.url().startsWith(input.baseUrl),
      `the link did not verify: ${text.slice(0, 300)}`);
    const proceed = page.locator('a:has-text("Click here"), a:has-text("proceed"), a:has-text("Back to")');
    if ((await proceed.count()) > 0) await Promise.all([page.waitForNavigation(), proceed.first().click()]);
  });
  await s.step('the contributor signs in and starts a contribution', async () => {
    await page.goto(`${input.baseUrl}/calls/${input.callId}/contribute`);
    if (page.url().includes('/protocol/openid-connect/auth')) await s.signIn(input.email, input.password);
    s.check(page.url() === `${input.baseUrl}/calls/${input.callId}/contribute`, `at ${page.url()}`);
    const cookies = await s.context.cookies(input.baseUrl);
    const session = cookies.find((c) => c.name.startsWith('q_session'));
    s.check(session && session.httpOnly && session.value.length < 80, `session cookie: ${JSON.stringify(session)}`);
    s.check((await page.inputValue('#field-contactEmail')) === input.email, 'the contact is not filled in from the account');
    await s.audit('step 1');
  });
  await s.step('a refused first step keeps what was typed and says why next to the field', async () => {
    await step1('');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    s.check(response.status() === 400, `status ${response.status()}`);
    s.check(await page.isVisible('#error-title'), 'no reason next to the title');
    s.check((await page.inputValue('#field-organisationName')) === (input.organisation || 'Camille Martin'), 'typed values lost');
    await s.audit('step 1 refused');
    await s.shot('portal-step1-refused');
  });
  await s.step('step 1 saves the draft', async () => {
    await page.fill('#field-title', 'Identity checks in three cities');
    await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    s.check(/\/contributions\/[0-9a-f-]{36}\/details$/.test(page.url()), `at ${page.url()}`);
    s.record('submissionId', page.url().split('/')[4]);
  });
  await s.step('a session lost while typing loses nothing', async () => {
    await page.check('input[name=themes]');
    await page.fill('#field-summary', 'Findings from field monitoring.');
    await page.fill('#link-0-url', 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006071154');
    await page.fill('#link-0-label', 'Code de procédure pénale');
    await page.selectOption('#link-0-kind', 'legislation');
    await page.fill('#field-coSubmitters', 'Ligue des droits\nAmnesty');
    await s.audit('step 2');
    await s.shot('portal-step2');
    // The portal's session ends (expired, or signed out elsewhere); Keycloak still knows the person.
    // Keycloak's cookies (path /realms/...) are not among the portal's URL's: read them all.
    const others = (await s.context.cookies()).filter((c) => !c.name.startsWith('q_session'));
    await s.context.clearCookies();
    await s.context.addCookies(others);
    await Promise.all([page.waitForNavigation({ url: /\/details/ }), page.click('button[value=stay]')]);
    await page.waitForLoadState('load');
    s.check(await page.isVisible('#restored'), 'the page does not say that what was typed is back');
    s.check((await page.inputValue('#field-summary')) === 'Findings from field monitoring.', 'the summary was lost');
    await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    s.check(page.url().endsWith('/documents'), `at ${page.url()}`);
  });
  await s.step('a macro document is refused with its reason and nothing is kept', async () => {
    await page.setInputFiles('#field-file', input.macroPath);
    await page.click('form.upload button[type=submit]');
    await page.waitForFunction(() => /macro/i.test(document.querySelector('.upload-status').textContent), null, { timeout: 30000 });
    s.check((await page.locator('table.documents').count()) === 0, 'the refused file is listed');
    await s.audit('documents refused');
    await s.shot('portal-macro-refused');
  });
  await s.step('the Word document goes straight to storage, with progress, and is listed with its SHA-256', async () => {
    await page.setInputFiles('#field-file', input.docxPath);
    await Promise.all([page.waitForNavigation({ timeout: 60000 }), page.click('form.upload button[type=submit]')]);
    const rows = page.locator('table.documents tbody tr');
    s.check((await rows.count()) === 1, `documents listed: ${await rows.count()}`);
    s.check(/[0-9a-f]{64}/.test(await rows.first().textContent()), 'no SHA-256');
    await s.audit('documents');
    await s.shot('portal-documents');
  });
  await s.step('a double click on submit submits once, and the receipt shows', async () => {
    await page.goto(page.url().replace(/documents$/, 'submit'));
    await s.audit('submit');
    await page.check('#consent-PUBLISH_IN_FULL');
    await s.shot('portal-submit');
    await Promise.all([page.waitForNavigation({ url: /\/receipt$/ }), page.dblclick('form.submit-once button[type=submit]')]);
    await page.waitForLoadState('load');
    const reference = (await page.textContent('dl.receipt dd strong')).trim();
    s.check(reference.length > 3, 'no reference');
    s.record('reference', reference);
    s.check(/[0-9a-f]{64}/.test(await page.textContent('table.documents')), 'no SHA-256 on the receipt');
    const jws = (await page.textContent('pre.jws')).trim();
    s.record('jws', jws);
    receipt.jws = jws;
    receipt.reference = reference;
    const download = await page.request.get(page.url() + '.jws');
    s.check(download.ok() && (await download.text()).trim() === jws, 'the downloaded receipt is not the JWS');
    await s.audit('receipt');
    await s.shot('portal-receipt');
  });
  await s.step('anyone can verify the receipt; a changed one is not genuine', async () => {
    await page.goto(input.baseUrl + '/verify');
    await s.audit('verify');
    await page.fill('#field-jws', receipt.jws);
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Verify")')]);
    s.check((await page.textContent('#verify-result')).includes('Genuine'), 'the receipt does not verify');
    s.check((await page.textContent('#verify-result')).includes(receipt.reference), 'the verified receipt has another reference');
    await s.audit('verify genuine');
    await s.shot('portal-verify');
    const parts = receipt.jws.split('.');
    const tampered = [parts[0], parts[1].slice(0, -2) + (parts[1].endsWith('A') ? 'BB' : 'AA'), parts[2]].join('.');
    await page.fill('#field-jws', tampered);
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button:has-text("Verify")')]);
    s.check(response.status() === 422, `status ${response.status()}`);
    s.check((await page.textContent('#verify-result')).includes('Not genuine'), 'a changed receipt verifies');
    await s.audit('verify not genuine');
  });
  await s.step('my contributions list it as received', async () => {
    await page.goto(input.baseUrl + '/contributions');
    s.check((await page.textContent('main')).includes(receipt.reference), 'not in my contributions');
    await s.audit('my contributions');
  });
  await s.step('a second contribution with hostile text is shown inert, and withdrawn after a confirmation', async () => {
    await page.goto(`${input.baseUrl}/calls/${input.callId}/contribute`);
    await step1(input.hostile);
    await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    const id = page.url().split('/')[4];
    s.record('secondId', id);
    await page.fill('#field-summary', input.hostile);
    await page.fill('#link-0-url', 'https://example.org/a?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    await page.fill('#link-0-label', input.hostile);
    await Promise.all([page.waitForNavigation(), page.click('button[value=next]')]);
    // Without script, the same form streams the file through the portal.
    await page.evaluate(() => { document.querySelector('form.upload').removeAttribute('data-start'); });
    await page.setInputFiles('#field-file', input.docxPath);
    await Promise.all([page.waitForNavigation(), page.evaluate(() => document.querySelector('form.upload').submit())]);
    s.check((await page.locator('table.documents tbody tr').count()) === 1, 'the streamed document is not listed');
    await page.goto(`${input.baseUrl}/contributions/${id}/submit`);
    s.check((await page.textContent('main')).includes('<script>'), 'the hostile title is not shown as text');
    await Promise.all([page.waitForNavigation({ url: /\/receipt$/ }), page.click('form.submit-once button[type=submit]')]);
    await page.goto(`${input.baseUrl}/contributions/${id}`);
    await s.audit('contribution status');
    await Promise.all([page.waitForNavigation(), page.click('a:has-text("Withdraw")')]);
    await s.audit('withdraw confirmation');
    await s.shot('portal-withdraw');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Yes, withdraw it")')]);
    s.check((await page.textContent('.timeline')).includes('Withdrawn'), 'not withdrawn');
    s.check(s.dialogs.length === 0, `script ran: ${s.dialogs.join(', ')}`);
  });
  await s.step('the main path at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${input.baseUrl}/calls/${input.callId}`);
    await s.audit('call page (phone)');
    await s.shot('portal-phone-call');
    await page.goto(`${input.baseUrl}/calls/${input.callId}/contribute`);
    await s.audit('step 1 (phone)');
    await s.shot('portal-phone-step1');
    await page.goto(`${input.baseUrl}/contributions`);
    await s.audit('my contributions (phone)');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    s.check(width <= 390, `the page is wider than the phone: ${width}px`);
  });
}
