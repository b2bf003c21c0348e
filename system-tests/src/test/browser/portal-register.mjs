// A person without an account finds a call on the public site, goes to the portal to contribute and registers on
// Keycloak's page; Keycloak sends the verification mail. Input: baseUrl, publicCallUrl, callId, firstName, lastName,
// email, password.
export default async function (s, input) {
  const { page } = s;
  await s.step('the public call page links to the portal in its own language', async () => {
    await page.goto(input.publicCallUrl + '?lang=fr');
    const link = page.locator(`a[href*="/calls/${input.callId}"]`).first();
    s.check((await link.count()) === 1, 'no "Contribute" link on the public call page');
    await Promise.all([page.waitForNavigation(), link.click()]);
    s.check(page.url().startsWith(input.baseUrl + '/calls/' + input.callId), `at ${page.url()}`);
    s.check((await page.getAttribute('html', 'lang')) === 'fr', 'the portal is not in French');
    await s.audit('call page (fr)');
    await s.shot('portal-call-fr');
    await Promise.all([page.waitForNavigation(), page.click('a[hreflang=en]')]);
    s.check((await page.getAttribute('html', 'lang')) === 'en', 'the language switch did not change the language');
    s.check(await page.isVisible('.countdown'), 'no countdown to the deadline');
    const shown = await page.textContent('.countdown');
    s.check(/^\d+ days, \d+ hours and \d+ minutes left$/.test(shown.trim()), `countdown: ${shown}`);
    // The page's script counts down from the deadline: a minute later (the browser's clock), a minute less.
    await page.evaluate(() => { const now = Date.now; Date.now = () => now() + 61000; });
    await page.waitForFunction((before) => document.querySelector('.countdown').textContent !== before, shown, { timeout: 20000 });
    s.check((await page.textContent('main')).includes('Europe/Zurich'), "the deadline is not shown in the call's zone");
    s.check(/\d{4}/.test(await page.textContent('.local-time')), "the deadline is not shown in the visitor's zone");
    await s.audit('call page');
    await s.shot('portal-call');
  });
  await s.step('contributing asks to sign in, with a way to register', async () => {
    await Promise.all([page.waitForNavigation(), page.click('text=Contribute to this call')]);
    s.check(page.url().includes('/protocol/openid-connect/auth') || page.url().includes('/login-actions/'),
      `not on Keycloak: ${page.url()}`);
    s.check(new URL(page.url()).searchParams.get('code_challenge_method') === 'S256', 'no PKCE');
    s.check((await page.textContent('body')).includes('Calls for input'), "the sign-in page does not show the platform's name");
    await s.shot('portal-sign-in');
    await Promise.all([page.waitForNavigation(), page.click('a[href*="registration"]')]);
  });
  await s.step('the person registers', async () => {
    await page.waitForSelector('#email');
    if (await page.isVisible('#username')) await page.fill('#username', input.email);
    await page.fill('#email', input.email);
    await page.fill('#firstName', input.firstName);
    await page.fill('#lastName', input.lastName);
    await page.fill('#password', input.password);
    await page.fill('#password-confirm', input.password);
    await s.shot('portal-register');
    await Promise.all([page.waitForNavigation(), page.click('[type=submit]')]);
    const text = await page.textContent('body');
    s.check(/verify your email|vérifi|verif/i.test(text), `no request to verify the address: ${text.slice(0, 300)}`);
    await s.shot('portal-verify-email');
  });
}
