// The queue while review-service is away (expect 503 and a clear page) or back (expect 200). Input: baseUrl,
// reviewer, password, expect.
export default async function (s, input) {
  const { page } = s;
  await s.step(`the queue answers ${input.expect}`, async () => {
    await page.goto(input.baseUrl + '/cases');
    await s.signIn(input.reviewer, input.password);
    const response = await page.goto(input.baseUrl + '/cases');
    s.check(response.status() === input.expect, `status ${response.status()}`);
    if (input.expect === 503) {
      s.check((await page.textContent('h1')).includes('Temporarily unavailable'), 'no clear message');
      s.check(!(await page.textContent('body')).match(/Exception|at org\.|at io\./), 'a stack trace is shown');
      s.check(response.headers()['retry-after'] === '30', 'no Retry-After');
      await s.audit('service unavailable');
    } else {
      s.check((await page.textContent('h1')).includes('Review queue'), 'not the queue');
    }
  });
}
