package cn.p2psupervision.demo;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;

/**
 * The acceptance targets of {@code bench} ({@code --only acceptance}, issue 8), without a token, through the gateway:
 * <ol>
 * <li><b>A</b>: the public notice list {@code GET /api/v1/public/notices} in open loop at each of
 * {@code --acceptance-rates} for {@code --seconds}, without {@code If-None-Match} (2xx counts as success);</li>
 * <li><b>B</b>: the same with {@code If-None-Match} carrying the list's {@code ETag} (only a 304 counts as success: a
 * 200 would mean the list changed meanwhile or the ETag was not honoured, and shows among the errors);</li>
 * <li><b>C</b>: {@code --complaints} public complaints in quick succession, one after the other, against one
 * institution under notice, with valid bodies: the 201s and the 429s, whether every answer beyond the admitted ones
 * is a 429 with {@code Retry-After}, and whether the complaints stored on the case (read as its registration
 * province's officer) grew by exactly the 201s. The rate limit (ACC-10: 5 a minute, 20 a day per client address) counts
 * the gateway's caller, so every bench run (and the seed's complaints) count as one address: each run is admitted
 * up to 5 (the minute's budget), and once the day's 20 are spent (the seed's 2, then 5 a run: from about the fourth run
 * on the same day) a run is refused from its first complaint, which the report says.</li>
 * </ol>
 * Open loop: {@link Benchmark#openLoop}, the registry's machinery.
 */
final class AcceptanceBenchmark {

    static final String NOTICES = "/api/v1/public/notices";
    static final String COMPLAINTS = "/api/v1/public/complaints";

    /**
     * @param rates      open-loop rates of the notice list ({@code --acceptance-rates})
     * @param seconds    duration of each rate ({@code --seconds})
     * @param complaints complaints lodged in phase C ({@code --complaints}; 0 for none)
     * @param required   asked for with {@code --only}: fail when the acceptance targets cannot run
     */
    record Settings(List<Integer> rates, int seconds, int complaints, boolean required) {
    }

    /** One complaint's answer: its status and whether it carried {@code Retry-After}. */
    record Answer(int status, boolean retryAfter) {
    }

    /**
     * Phase C's outcome: the answers by status, how many of the refused ones were a 429 with {@code Retry-After}, the
     * first refused attempt (1-based, 0 when none), whether a 201 came after a 429, and the complaints stored on the
     * case before and after (-1 when unknown).
     */
    record ComplaintFigures(int attempts, int created, int limited, int limitedWithRetryAfter, Map<Integer, Integer>
            statuses, int firstRefused, boolean admittedAfterRefusal, int storedBefore, int storedAfter) {

        static ComplaintFigures of(List<Answer> answers, int storedBefore, int storedAfter) {
            int created = 0;
            int limited = 0;
            int withRetry = 0;
            int first = 0;
            boolean admittedAfter = false;
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 201) {
                    created++;
                    admittedAfter |= first > 0;
                } else {
                    first = first == 0 ? i + 1 : first;
                    if (answer.status() == 429) {
                        limited++;
                        withRetry += answer.retryAfter() ? 1 : 0;
                    }
                }
            }
            return new ComplaintFigures(answers.size(), created, limited, withRetry, statuses, first, admittedAfter,
                    storedBefore, storedAfter);
        }

        /** Every answer other than a 201 is a 429 with {@code Retry-After}. */
        boolean excessAll429() {
            return limited == attempts - created && withRetryAfterAll();
        }

        private boolean withRetryAfterAll() {
            return limitedWithRetryAfter == limited;
        }

        /** Complaints stored by this phase, or -1 when the case could not be read. */
        int stored() {
            return storedBefore < 0 || storedAfter < 0 ? -1 : storedAfter - storedBefore;
        }

        /** The rate limit held: the excess all 429 with Retry-After, nothing admitted after a refusal, stored = 201s. */
        boolean holds() {
            return excessAll429() && !admittedAfterRefusal && stored() == created;
        }
    }

    /** An institution under notice: its registry id, credit code and registration province. */
    record UnderNotice(String institutionId, String creditCode, String province) {
    }

    private final Settings settings;
    private Benchmark bench;
    private String etag;
    private long listed;
    private UnderNotice target;
    private final List<Benchmark.Row> rows = new ArrayList<>();
    private ComplaintFigures complaints;
    private String complaintNote = "";

    AcceptanceBenchmark(Settings settings) {
        this.settings = settings;
    }

    boolean required() {
        return settings.required();
    }

    /** Reads the notice list (its ETag) and picks an institution under notice for phase C. */
    void prepare(Benchmark benchmark) {
        this.bench = benchmark;
        HttpResponse<String> list = get(NOTICES + "?page=0&size=20", null);
        if (list.statusCode() != 200) {
            throw new IllegalStateException("GET " + NOTICES + " answered HTTP " + list.statusCode() + " "
                    + PlatformClient.abbreviate(list.body()));
        }
        etag = list.headers().firstValue("ETag").orElse(null);
        if (etag == null) {
            throw new IllegalStateException("GET " + NOTICES + " answered without an ETag");
        }
        JsonNode page = bench.client().json.readTree(list.body());
        listed = page.path("totalElements").asLong();
        if (page.path("content").size() > 0) {
            JsonNode first = page.path("content").get(0);
            String code = first.path("creditCode").asString();
            String province = first.path("registeredProvince").asString();
            try {
                PlatformClient.Tokens officer = bench.client().tokens(DemoClassification.officersOf(province)
                        .officer());
                JsonNode file = bench.client().getJson(bench.gateway().resolve("/api/v1/registry/institutions/by-code/"
                        + code), officer);
                target = new UnderNotice(file.path("id").asString(), code, province);
            } catch (RuntimeException e) {
                complaintNote = "no institution under notice could be read (" + e.getMessage() + ")";
            }
        } else {
            complaintNote = "no institution is under notice (./platform seed makes one, unless --no-acceptance)";
        }
        System.out.printf("bench: acceptance: %d institutions under notice, list ETag %s%s%n", listed, etag,
                target == null ? "" : "; complaints against " + target.creditCode() + " (" + target.province() + ")");
    }

    void run() {
        int warmUp = (int) bench.openWarmUp().toSeconds();
        int seconds = settings.seconds();
        IntFunction<HttpRequest> plain = i -> request(null);
        IntFunction<HttpRequest> conditional = i -> request(etag);
        if (warmUp > 0) {
            int rate = Collections.max(settings.rates());
            System.out.printf("bench: warming up the public notice list via gateway at %d req/s for %d s "
                    + "(not recorded) ...%n", rate, warmUp);
            bench.openLoop("public notices", "gateway", rate, warmUp, plain);
        }
        for (boolean withEtag : new boolean[]{false, true}) {
            for (int rate : settings.rates()) {
                String phase = withEtag ? "notices If-None-Match" : "public notices";
                System.out.printf("bench: %s via gateway at %d req/s for %d s ...%n", phase, rate, seconds);
                Benchmark.Row row = withEtag
                        ? bench.openLoop(phase, "gateway", rate, seconds, conditional, AcceptanceBenchmark::fresh)
                        : bench.openLoop(phase, "gateway", rate, seconds, plain);
                System.out.printf("  %,d requests, %,d errors, p50 %.1f ms, p99 %.1f ms, achieved %.1f/s%s%n",
                        row.requests(), row.errors(), row.p50(), row.p99(), row.achieved(),
                        row.note().isEmpty() ? "" : " (" + row.note() + ")");
                rows.add(row);
                bench.add(row);
            }
        }
        bench.note("Acceptance: the public notice list (" + NOTICES + "?page=0&size=20, no token, " + listed
                + " institutions under notice) through the gateway; \"notices If-None-Match\" sends the list's ETag "
                + etag + " and counts only 304 as answered, every other status (200 included) as an error.");
        if (settings.complaints() > 0 && target != null) {
            complaints = complaints();
        } else if (settings.complaints() == 0) {
            complaintNote = "--complaints 0";
        }
        bench.addSection(text(), markdown());
    }

    /** Phase C: the complaints one after the other, then the case's complaints counted again. */
    private ComplaintFigures complaints() {
        PlatformClient.Tokens officer = bench.client().tokens(DemoClassification.officersOf(target.province())
                .officer());
        int before = storedOn(officer);
        System.out.printf("bench: acceptance: %d complaints against %s in quick succession (no token) ...%n",
                settings.complaints(), target.creditCode());
        List<Answer> answers = new ArrayList<>();
        for (int i = 1; i <= settings.complaints(); i++) {
            String body = "{\"creditCode\":\"" + target.creditCode() + "\",\"text\":\"压力测试投诉 " + i
                    + "：公示期间仍在发布新标的\",\"contact\":\"bench\"}";
            HttpResponse<String> answer = bench.client().send(HttpRequest.newBuilder(bench.gateway()
                            .resolve(COMPLAINTS)).timeout(bench.timeout()).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
            answers.add(new Answer(answer.statusCode(), answer.headers().firstValue("Retry-After").isPresent()));
        }
        ComplaintFigures figures = ComplaintFigures.of(answers, before, storedOn(officer));
        if (figures.created() == 0 && figures.firstRefused() == 1) {
            complaintNote = "refused from the first complaint: this address's budget was spent by earlier complaints "
                    + "(the minute's 5, one back every 12 s, within the last minute; or the day's 20, one back every "
                    + "72 min, today); the seed and every bench run count as one address, the gateway's caller";
        }
        return figures;
    }

    /** The complaints stored on the target's case, or -1 when they cannot be read. */
    private int storedOn(PlatformClient.Tokens officer) {
        try {
            return bench.client().getJson(bench.gateway().resolve("/api/v1/acceptance/cases/"
                    + target.institutionId() + "/complaints"), officer).size();
        } catch (RuntimeException e) {
            complaintNote = "the case's complaints could not be read: " + e.getMessage();
            return -1;
        }
    }

    /** Phase B's success: the 304 expected (a 200 is an error there: the list changed, or the ETag was ignored). */
    static boolean fresh(int status) {
        return status == 304;
    }

    private HttpRequest request(String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(bench.gateway().resolve(NOTICES + "?page=0&size=20"))
                .timeout(bench.timeout()).header("Accept", "application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.GET().build();
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(bench.gateway().resolve(path)).timeout(bench.timeout())
                .header("Accept", "application/json");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return bench.client().send(request.GET().build());
    }

    // ------------------------------------------------------------------------------------------------------ output

    /** Phase C in one line of words. */
    static String describe(ComplaintFigures c) {
        return String.format("%d attempts: %d × 201, %d × 429 (%d with Retry-After)%s; first refused: %s; stored on "
                        + "the case: %s; %s", c.attempts(), c.created(), c.limited(), c.limitedWithRetryAfter(),
                c.statuses().keySet().stream().anyMatch(s -> s != 201 && s != 429) ? ", statuses " + c.statuses()
                        : "", c.firstRefused() == 0 ? "none" : "#" + c.firstRefused(),
                c.stored() < 0 ? "unknown" : Integer.toString(c.stored()),
                c.holds() ? "the limit held (every excess answer 429 with Retry-After, none stored)"
                        : "THE LIMIT DID NOT HOLD AS EXPECTED");
    }

    private String text() {
        StringBuilder text = new StringBuilder("acceptance: public complaints from one address (ACC-10)\n");
        if (complaints != null) {
            text.append("  ").append(describe(complaints)).append('\n');
        }
        if (!complaintNote.isEmpty()) {
            text.append("  note: ").append(complaintNote).append('\n');
        }
        return text.toString();
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("## Acceptance: public complaints from one address (ACC-10)\n\n");
        md.append("The public notice list's rows are in the request table (\"public notices\", \"notices "
                + "If-None-Match\"). Here ").append(settings.complaints()).append(" complaints with valid bodies, "
                + "one after the other without a token, through the gateway");
        if (target != null) {
            md.append(", against ").append(target.creditCode()).append(" (registered in ").append(target.province())
                    .append(", under notice); the complaints stored on its case read as that province's officer "
                            + "before and after");
        }
        md.append(". The limit is 5 a minute and 20 a day per client address; the gateway appends its caller to "
                + "`X-Forwarded-For`, so the seed's complaints and every bench run count as one address: each run is "
                + "admitted at most 5 (the minute's budget), and once the day's 20 admitted complaints are spent (the "
                + "seed's 2, then 5 a run: from about the fourth run on the same day) a run is refused from its first "
                + "complaint.\n\n");
        if (complaints != null) {
            md.append("| attempts | 201 | 429 | 429 with Retry-After | first refused | stored | holds |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---|\n");
            md.append("| ").append(complaints.attempts()).append(" | ").append(complaints.created()).append(" | ")
                    .append(complaints.limited()).append(" | ").append(complaints.limitedWithRetryAfter())
                    .append(" | ").append(complaints.firstRefused() == 0 ? "-" : "#" + complaints.firstRefused())
                    .append(" | ").append(complaints.stored() < 0 ? "?" : complaints.stored()).append(" | ")
                    .append(complaints.holds() ? "yes" : "**no**").append(" |\n\n");
        }
        if (!complaintNote.isEmpty()) {
            md.append("Note: ").append(complaintNote).append(".\n\n");
        }
        return md.toString();
    }
}
