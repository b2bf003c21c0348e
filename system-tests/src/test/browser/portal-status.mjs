// After the secretariat decided: the contributor follows the status to "published" with a link to the public page;
// a partner organisation's account does not see it. Input: baseUrl, email, password, submissionId, other, otherPassword.
export default async function (s, input) {
  const { page } = s;
  await s.step('the contributor sees the contribution published, with a link to the public page', async () => {
    await page.goto(`${input.baseUrl}/contributions/${input.submissionId}`);
    if (page.url().includes('/protocol/openid-connect/auth')) await s.signIn(input.email, input.password);
    s.check(page.url().endsWith(`/contributions/${input.submissionId}`), `at ${page.url()}`);
    const timeline = await page.textContent('.timeline');
    s.check(timeline.includes('Received') && timeline.includes('Published'), `timeline: ${timeline}`);
    const link = page.locator('.timeline a');
    s.check((await link.count()) === 1, 'no link to the public page');
    await s.audit('published status');
    await s.shot('portal-published');
    await Promise.all([page.waitForNavigation({ url: /\/signed-out/ }), page.click('button:has-text("Sign out")')]);
  });
  await s.step("another organisation's account finds nothing", async () => {
    await page.goto(`${input.baseUrl}/contributions/${input.submissionId}`);
    await s.signIn(input.other, input.otherPassword);
    s.check((await page.textContent('h1')).includes('Not found'), `another account sees: ${await page.textContent('h1')}`);
    await s.audit('not found');
    for (const path of ['receipt', 'about', 'withdraw']) {
      const response = await page.goto(`${input.baseUrl}/contributions/${input.submissionId}/${path}`);
      s.check(response.status() === 404, `${path}: ${response.status()}`);
    }
    await page.goto(`${input.baseUrl}/contributions`);
    s.check(!(await page.textContent('main')).includes(input.submissionId), 'listed for another account');
  });
}
