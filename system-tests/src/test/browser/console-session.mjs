// Signs in to the console and hands the session cookie to the Java side (benchmarks load the console's pages with
// it). Input: baseUrl, user, password.
export default async function (s, input) {
  const { page } = s;
  await s.step('sign in', async () => {
    await page.goto(input.baseUrl + '/cases');
    await s.signIn(input.user, input.password);
    s.check(page.url().startsWith(input.baseUrl + '/cases'), `at ${page.url()}`);
    const cookie = (await s.context.cookies(input.baseUrl)).find((c) => c.name === 'q_session');
    s.check(cookie, 'no session cookie');
    s.record('session', cookie.value);
  });
}
