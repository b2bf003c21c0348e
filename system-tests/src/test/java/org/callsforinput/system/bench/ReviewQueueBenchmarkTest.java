package org.callsforinput.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.callsforinput.stack.ServiceProcess;
import org.callsforinput.stack.StackInfo;
import org.callsforinput.testing.BrowserScenario;
import org.callsforinput.testing.Stack;
import org.callsforinput.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Listing and searching 10,000 cases in review-service, run as its own process against the test stack. The cases
 * (with a 400-word document text each, indexed as the service indexes extracted text) are written straight into its
 * database; then each query is asked a bounded number of times by a few concurrent clients. Results go to
 * {@code system-tests/target/benchmarks/review-queue.md}; docs/benchmarks.md records them.
 */
@Tag("benchmark")
class ReviewQueueBenchmarkTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path OUT = StackInfo.findRepoRoot().resolve("system-tests/target/benchmarks");
    private static final int CASES = Integer.getInteger("bench.cases", 10_000);
    private static final UUID CALL = UUID.randomUUID();

    static ServiceProcess service;
    static StringBuilder report = new StringBuilder("# Review queue benchmark (" + Instant.now() + ")\n\n");

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        StackInfo info = StackInfo.load();
        service = ServiceProcess.start(info, StackInfo.findRepoRoot(), "review-service", "review_e2e", freePort(), freePort(),
                Map.of("STORAGE_BUCKET", "review-bench", "QUARKUS_LOG_LEVEL", "WARN"), OUT);
        long t0 = System.nanoTime();
        seed(info);
        report.append("%d cases of one call (plus one document text each) written and indexed in %.1f s.%n%n"
                .formatted(CASES, (System.nanoTime() - t0) / 1e9));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        // The next run starts from the same database size.
        StackInfo info = StackInfo.load();
        try (Connection db = DriverManager.getConnection(info.jdbcUrl("review_e2e"), info.pgUser(), info.pgPassword());
                Statement sql = db.createStatement()) {
            sql.execute("delete from case_document where case_id in (select id from review_case where call_id = '" + CALL + "')");
            sql.execute("delete from review_case where call_id = '" + CALL + "'");
        }
        Files.writeString(OUT.resolve("review-queue.md"), report);
        System.out.println(report);
    }

    @Test
    void listingAndSearchingTenThousandCases() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("newest first, page of 50", "callId=" + CALL);
        queries.put("page 100 of 50", "callId=" + CALL + "&page=100");
        queries.put("filter: category + country", "callId=" + CALL + "&category=CIVIL_SOCIETY&country=FR");
        queries.put("filter: theme + late + status", "callId=" + CALL + "&theme=policing&late=true&status=NEW");
        queries.put("sort by organisation", "callId=" + CALL + "&sort=organisationName");
        queries.put("search: common word", "callId=" + CALL + "&q=" + enc("police"));
        queries.put("search: rare word", "callId=" + CALL + "&q=" + enc("récépissé"));
        queries.put("search: phrase + filter", "callId=" + CALL + "&q=" + enc("\"independent oversight\"") + "&language=en");
        queries.put("search: two words, one excluded", "callId=" + CALL + "&q=" + enc("statistics -minorities"));
        int concurrency = Integer.getInteger("bench.concurrency", 4);
        int requests = Integer.getInteger("bench.requests", 300);
        String token = Tokens.user("reviewer1");
        report.append("%d requests per query by %d concurrent clients after 30 warm-up requests; reviewer token; "
                .formatted(requests, concurrency)).append("all components and the load generator on the same 2 cores.\n\n")
                .append(Stats.header().replace("| step |", "| query |")).append('\n');
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong failures = new AtomicLong();
        Stats all = new Stats();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        for (Map.Entry<String, String> query : queries.entrySet()) {
            URI uri = URI.create(service.baseUrl() + "/cases?" + query.getValue());
            for (int i = 0; i < 30; i++) {
                get(uri, token);
            }
            Stats stats = load(pool, requests, deadline, failures, i -> get(uri, token), all);
            report.append(stats.row(query.getKey())).append('\n');
        }
        Stats statistics = new Stats();
        URI statisticsUri = URI.create(service.baseUrl() + "/calls/" + CALL + "/statistics");
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            get(statisticsUri, token);
            statistics.add(System.nanoTime() - t0);
        }
        pool.shutdown();
        report.append(all.row("**all queries above**")).append('\n').append(statistics.row("statistics of the call (1 client)"))
                .append("\n\n").append("Failed requests: ").append(failures.get()).append("\n");
        assertThat(failures.get()).isZero();
    }

    /**
     * The same queue through secretariat-console, end to end (console, review-service and its database): the
     * queue page (which also counts the saved views) and a search, by concurrent users signed in with one browser
     * session each.
     */
    @Test
    void theConsolesQueuePageOverTenThousandCases() throws Exception {
        Path repo = StackInfo.findRepoRoot();
        int port = URI.create(Stack.get("console.url")).getPort();
        try (ServiceProcess console = ServiceProcess.start(StackInfo.load(), repo, "secretariat-console", "console_e2e", port, freePort(),
                ServiceProcess.consoleEnvironment("http://127.0.0.1:9", service.baseUrl(), "http://127.0.0.1:9",
                        Stack.get("client.secretariat-console.secret")), OUT)) {
            int concurrency = Integer.getInteger("bench.concurrency", 4);
            int requests = Integer.getInteger("bench.requests", 300);
            List<String> sessions = new ArrayList<>();
            for (String user : List.of("reviewer1", "reviewer2", "coordinator1", "coordinator2").subList(0, Math.min(4, concurrency))) {
                BrowserScenario.Result signedIn = BrowserScenario.run(repo.resolve("system-tests/src/test/browser/console-session.mjs"),
                        Map.of("baseUrl", console.baseUrl(), "user", user, "password", Stack.get("demo.password")), OUT);
                signedIn.assertPassed();
                sessions.add(signedIn.value("session"));
            }
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("console: queue page (50 cases and the saved views' counts)", "callId=" + CALL);
            pages.put("console: search, rare word", "callId=" + CALL + "&q=" + enc("récépissé"));
            pages.put("console: search, common word + filter", "callId=" + CALL + "&q=" + enc("police") + "&country=FR");
            report.append("\n### Through secretariat-console\n\n%d requests per page by %d concurrent users (one browser session each, "
                    .formatted(requests, concurrency)).append("signed in at Keycloak) after 20 warm-up requests.\n\n")
                    .append(Stats.header().replace("| step |", "| page |")).append('\n');
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            AtomicLong failures = new AtomicLong();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                URI uri = URI.create(console.baseUrl() + "/cases?" + page.getValue());
                for (int i = 0; i < 20; i++) {
                    getPage(uri, sessions.get(i % sessions.size()));
                }
                Stats stats = load(pool, requests, deadline, failures, i -> getPage(uri, sessions.get(i % sessions.size())), new Stats());
                report.append(stats.row(page.getKey())).append('\n');
            }
            pool.shutdown();
            report.append("\nFailed console requests: ").append(failures.get()).append("\n");
            assertThat(failures.get()).isZero();
        }
    }

    /** One answer's status code, for the i-th request. */
    private interface Request {
        int send(int i) throws Exception;
    }

    /**
     * {@code requests} requests on the pool, each timed into a new Stats (and {@code also}); a request that fails or
     * answers anything but 200 counts in {@code failures}; none starts after {@code deadline}.
     */
    private static Stats load(ExecutorService pool, int requests, long deadline, AtomicLong failures, Request request, Stats also)
            throws Exception {
        Stats stats = new Stats();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                if (System.nanoTime() > deadline) {
                    return;
                }
                long t0 = System.nanoTime();
                try {
                    if (request.send(n) != 200) {
                        failures.incrementAndGet();
                    }
                    stats.add(System.nanoTime() - t0);
                    also.add(System.nanoTime() - t0);
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        return stats;
    }

    private static int getPage(URI uri, String session) throws Exception {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).header("Cookie", "q_session=" + session)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private static int get(URI uri, String token) throws Exception {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    /** Cases with varied attributes, and a document text each drawn from two vocabularies (English, French). */
    private static void seed(StackInfo info) throws Exception {
        try (Connection db = DriverManager.getConnection(info.jdbcUrl("review_e2e"), info.pgUser(), info.pgPassword());
                Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into review_case (id, version, submission_id, reference, call_id, call_slug, organisation_id,
                        organisation_name, submitter_category, country, contact_name, contact_email, language, themes, title,
                        summary, links, co_submitters, consent, late, received_at, status, created_at, updated_at, tags)
                    select gen_random_uuid(), 0, gen_random_uuid(), 'BENCH-' || lpad(i::text, 5, '0'), '%s', 'bench',
                        'org' || (i %% 500), 'Organisation ' || md5(i::text), (array['STATE','NHRI','INTERGOVERNMENTAL_OR_UN',
                        'CIVIL_SOCIETY','ACADEMIA','INDIVIDUAL','OTHER'])[1 + i %% 7], (array['FR','GB','BR','ZA','IN','US','MX'])[1 + i %% 7],
                        'Contact ' || i, 'contact' || i || '@example.org', (array['en','fr','es'])[1 + i %% 3],
                        jsonb_build_array((array['policing','accountability','data'])[1 + i %% 3]), 'Contribution ' || i,
                        'Summary of contribution ' || i, '[]', '[]', 'PUBLISH_IN_FULL', i %% 10 = 0,
                        now() - (i || ' minutes')::interval, 'NEW', now(), now(), '[]'
                    from generate_series(1, %d) i
                    """.formatted(CALL, CASES));
            sql.execute("""
                    update review_case set search_config = case language when 'en' then 'english' when 'fr' then 'french' else 'spanish' end,
                        search = to_tsvector('simple', reference || ' ' || organisation_name || ' ' || title || ' ' || summary)
                            || to_tsvector(cast(case language when 'en' then 'english' when 'fr' then 'french' else 'spanish' end as regconfig),
                                reference || ' ' || organisation_name || ' ' || title || ' ' || summary)
                    where call_id = '%s'
                    """.formatted(CALL));
            sql.execute("""
                    with words as (
                        select array['police','rights','minorities','statistics','independent','oversight','profiling','stop',
                            'search','identity','checks','discrimination','complaints','training','body','cameras','youth',
                            'contrôles','récépissé','quartiers','jeunes','associations','violences','policières','justice',
                            'enquête','données','discriminatoires','commission','recommandations'] w)
                    insert into case_document (id, case_id, role, bucket, object_key, file_name, content_type, size_bytes, sha256,
                        integrity, attempts, next_check_at, text_state, text_language, text_content)
                    select gen_random_uuid(), c.id, 'MAIN', 'bench', 'bench/' || c.id, 'contribution.docx',
                        'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 100000, repeat('0', 64),
                        'VERIFIED', 1, now(), 'EXTRACTED', c.language,
                        (select string_agg(words.w[1 + ((random() * 29)::int)], ' ') from words, generate_series(1, 400) g
                            where c.id is not null)
                    from review_case c where c.call_id = '%s'
                    """.formatted(CALL));
            // As the service does after extracting a document: its text joins the case's index.
            sql.execute("""
                    update review_case c set search = c.search || to_tsvector('simple', d.text_content)
                        || to_tsvector(cast(c.search_config as regconfig), d.text_content)
                    from case_document d where d.case_id = c.id and c.call_id = '%s'
                    """.formatted(CALL));
            sql.execute("analyze review_case");
            sql.execute("analyze case_document");
        }
    }

    private static String enc(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
