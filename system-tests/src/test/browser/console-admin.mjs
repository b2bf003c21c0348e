// An admin manages a webhook subscription: create (secret shown once), rotate, pause, resume, the delivery log,
// redeliver, delete. Input: baseUrl, password, admin, receiverUrl.
export default async function (s, input) {
  const { page } = s;
  await s.step('the admin signs in and opens the webhooks', async () => {
    await page.goto(input.baseUrl + '/webhooks');
    await s.signIn(input.admin, input.password);
    s.check(page.url() === input.baseUrl + '/webhooks', `at ${page.url()}`);
    await s.audit('webhooks');
  });
  await s.step('a new subscription shows its secret once', async () => {
    await page.fill('#url', input.receiverUrl);
    await page.fill('#description', 'UN web site (test)');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Create the subscription")')]);
    const secret = (await page.textContent('#secret-value')).trim();
    s.check(secret.startsWith('whsec_'), `secret ${secret}`);
    s.record('secret', secret);
    s.check(!page.url().includes(secret), 'the secret is in the URL');
    s.record('subscriptionPath', await subscription(page));
    await s.audit('subscription created');
    await s.shot('console-webhook-created');

  });
  await s.step('reloading the page does not show the secret again', async () => {
    await page.goto(input.baseUrl + (await subscription(page)));
    s.check((await page.locator('#secret').count()) === 0, 'the secret is shown again');
  });
  await s.step('rotating shows a new secret', async () => {
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Rotate the secret")')]);
    const rotated = (await page.textContent('#secret-value')).trim();
    s.check(rotated.startsWith('whsec_'), `rotated ${rotated}`);
    s.record('rotated', rotated);
  });
  await s.step('pause and resume', async () => {
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Pause")')]);
    s.check((await page.textContent('.state')).includes('Paused'), 'not paused');
    await Promise.all([page.waitForNavigation(), page.click('button:has-text("Resume")')]);
    s.check((await page.textContent('.state')).includes('Active'), 'not active');
    await s.audit('subscription');
  });
}

async function subscription(page) {
  const action = await page.getAttribute('form[action$="/rotate"]', 'action');
  return action.replace(/\/rotate$/, '');
}
