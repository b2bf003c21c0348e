// A call manager signs in on Keycloak's page, creates a call with the form (a refused attempt first), opens it and
// signs out. Input: baseUrl, user, password, slug, opensAt and deadline (datetime-local values in Europe/Zurich).
export default async function (s, input) {
  const { page } = s;
  await s.step('the console sends an anonymous visitor to Keycloak', async () => {
    await page.goto(input.baseUrl + '/calls');
    s.check(page.url().includes('/realms/calls/protocol/openid-connect/auth'), `not on Keycloak's login page: ${page.url()}`);
    const url = new URL(page.url());
    s.check(url.searchParams.get('code_challenge_method') === 'S256', 'no PKCE S256 challenge in the authorization request');
    s.check(url.searchParams.get('response_type') === 'code', 'not the authorization code flow');
  });
  await s.step('the call manager signs in and lands on the calls', async () => {
    await s.signIn(input.user, input.password);
    s.check(page.url() === input.baseUrl + '/calls', `after sign-in at ${page.url()}`);
    const cookies = await s.context.cookies(input.baseUrl);
    const session = cookies.find((c) => c.name === 'q_session');
    s.check(session && session.httpOnly && session.sameSite === 'Lax', `session cookie: ${JSON.stringify(session)}`);
    s.check(session.value.length < 80, `the session cookie holds more than an id: ${session.value.length} characters`);
    await s.audit('calls list');
    await s.shot('console-calls');
  });
  await s.step('a call with a bad address name is refused with the reason next to the field', async () => {
    await page.click('text=New call');
    await page.waitForSelector('#field-slug');
    await s.audit('new call form');
    await fillCall(page, input, 'Not A Slug!', 'Refused call');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Create")')]);
    s.check(response.status() === 400, `status ${response.status()}`);
    s.check(await page.isVisible('#form-errors'), 'no error summary');
    s.check(await page.isVisible('#error-slug'), 'no error next to the slug');
    const slugError = await page.textContent('#error-slug');
    s.check(slugError.includes('lower-case letters, digits and dashes only'), `the slug's error is not the console's: ${slugError}`);
    s.check((await page.inputValue('#field-title-en')) === 'Refused call', 'the typed values are gone');
    await s.audit('refused call form');
  });
  await s.step('the call manager creates the call in three languages', async () => {
    await page.fill('#field-slug', input.slug);
    await page.fill('#field-title-fr', 'Appel sur le droit à l’éducation');
    await page.fill('#field-title-es', 'Convocatoria sobre el derecho a la educación');
    await page.fill('#field-description-en', 'Contributions in Word format, please.');
    await page.fill('input[name="theme.0.fr"]', 'Écoles');
    await page.fill('input[name="theme.0.es"]', 'Escuelas');
    await page.fill('#field-intakeEmail', `calls+${input.slug}@example.org`);
    await page.selectOption('#field-latePolicy', 'REJECT');
    await s.shot('console-call-form');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]:has-text("Create")')]);
    s.check(/\/calls\/[0-9a-f-]{36}$/.test(page.url()), `not on the new call's page: ${page.url()}`);
    s.check((await page.textContent('.status')).includes('Draft'), 'not a draft');
    s.record('callId', page.url().split('/').pop());
    await s.audit('call page (draft)');
  });
  await s.step('the call manager previews the draft\'s public page', async () => {
    const callUrl = page.url();
    const title = (await page.textContent('h1')).trim();
    const href = await page.getAttribute('a:has-text("Preview the public page")', 'href');
    let response;
    for (let i = 0; i < 40; i++) { // until the call's event has reached publication-service
      response = await page.goto(input.baseUrl + href);
      if (response.status() === 200) break;
      await page.waitForTimeout(500);
    }
    s.check(response.status() === 200, `preview status ${response.status()}`);
    const csp = response.headers()['content-security-policy'];
    s.check(csp && csp.includes("style-src 'unsafe-inline'") && !csp.includes(','), `preview CSP: ${csp}`);
    s.check(response.headers()['x-robots-tag'] === 'noindex', 'the preview may be indexed');
    s.check((await page.textContent('.preview')).includes('not public'), 'no notice that the page is not public');
    s.check((await page.textContent('h1')).trim() === title, `the preview's title is not the call's: ${await page.textContent('h1')}`);
    s.check((await page.evaluate(() => getComputedStyle(document.querySelector('.preview')).borderTopStyle)) === 'dashed',
      'the page\'s own style was blocked');
    s.check((await page.$('link[type="application/atom+xml"]')) === null, 'a draft has no feed');
    await s.audit('public page preview (draft)');
    await s.shot('console-call-preview');
    await page.goto(callUrl);
  });
  await s.step('the call manager opens the call', async () => {
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Open the call")')]);
    s.check((await page.textContent('.status')).includes('Open'), 'not open');
    await s.audit('call page (open)');
    await s.shot('console-call-open');
  });
  await s.step('the language switch shows the call in French', async () => {
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=fr]')]);
    s.check((await page.textContent('h1')).includes('Appel sur le droit'), 'title not in French');
    s.check((await page.getAttribute('html', 'lang')) === 'fr', 'html lang is not fr');
    s.check((await page.textContent('.status')).includes('Ouvert'), 'status not in French');
    await s.audit('call page in French');
  });
  await s.step('a refusal by a service is explained in French', async () => {
    const callUrl = page.url();
    await page.goto(input.baseUrl + '/calls/new');
    await fillCall(page, input, input.slug, 'Same address');
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form:has(#field-slug) button[type=submit]')]);
    s.check(response.status() === 409, `status ${response.status()}`);
    const errors = await page.textContent('#form-errors');
    s.check(errors.includes('Un autre appel utilise déjà cette adresse'), `not explained in French: ${errors}`);
    await s.audit('refused call form in French');
    await page.goto(callUrl);
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=en]')]);
  });
  await s.step('signing out ends the Keycloak session too', async () => {
    await Promise.all([page.waitForNavigation({ url: /signed-out/ }), page.click('button:has-text("Sign out")')]);
    await s.audit('signed out');
    await page.goto(input.baseUrl + '/calls');
    s.check(page.url().includes('/protocol/openid-connect/auth'), `still signed in: ${page.url()}`);
    s.check(await page.isVisible('#username'), 'Keycloak did not ask for the password again');
  });
}

// The new-call form's required fields, in English.
async function fillCall(page, input, slug, title) {
  await page.fill('#field-slug', slug);
  await page.fill('#field-mandate', 'Special Rapporteur on the right to education');
  await page.fill('#field-title-en', title);
  await page.fill('input[name="theme.0.key"]', 'schools');
  await page.fill('input[name="theme.0.en"]', 'Schools');
  await page.fill('#field-opensAt', input.opensAt);
  await page.fill('#field-deadline', input.deadline);
}
