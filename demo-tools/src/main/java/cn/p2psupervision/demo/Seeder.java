package cn.p2psupervision.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * {@code seed}: generates the demo data set and loads it through the platform's own API, as central: the
 * institutions as one CSV import, then every institution's monthly reports as a second one. Prints the outcome counts
 * and the import rates (rows per second from the POST to the job being DONE). Then, unless {@code --no-classification},
 * the classification context's findings and decisions of the institutions registered in the chosen provinces (all by
 * default), as the province's users: the realm's demo users for 33 and 44, accounts created in the local Keycloak for
 * the others ({@link ClassificationSeeder}, {@link DemoAccounts}).
 * Idempotent: the same options again leave every row UNCHANGED (except the files whose banning decision was approved:
 * their status BANNED now comes from a supervisory decision, which an import does not overwrite, so the registry
 * reports those rows as CONFLICT) and record no finding or decision twice.
 */
final class Seeder {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS = Duration.ofSeconds(15);

    private final PlatformClient client;
    private final URI gateway;
    private final Path outDir;
    private final Duration importTimeout;
    /** Workers recording the classification, or 0 for none ({@code --no-classification}). */
    private final int classificationWorkers;
    /** The provinces whose institutions are classified ({@code --classification-provinces}). */
    private final Set<String> classificationProvinces;
    private final DemoAccounts accounts;

    Seeder(PlatformClient client, URI gateway, Path outDir, Duration importTimeout, int classificationWorkers,
           Set<String> classificationProvinces, DemoAccounts accounts) {
        this.client = client;
        this.gateway = gateway;
        this.outDir = outDir;
        this.importTimeout = importTimeout;
        this.classificationWorkers = classificationWorkers;
        this.classificationProvinces = classificationProvinces;
        this.accounts = accounts;
    }

    record ImportResult(String kind, long rows, double seconds, JsonNode job) {
        double rate() {
            return seconds <= 0 ? 0 : rows / seconds;
        }
    }

    /** @param skipImports leave the registry as it is ({@code --skip-imports}) and seed the other contexts only */
    void run(int count, long seed, int months, YearMonth until, boolean skipImports) throws IOException {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long started = System.nanoTime();
        DemoData data = DemoData.generate(count, seed, until, months, today);
        System.out.printf("seed: generated %,d institutions (seed %d, reports %s..%s) in %.1f s%n", count, seed,
                data.firstPeriod(), until, seconds(System.nanoTime() - started));
        data.summary().forEach((key, value) -> System.out.printf("  %-22s %,d%n", key, value));
        printProvinces(data);

        PlatformClient.Tokens central = client.tokens("central");
        central.refresh();

        Path institutionsCsv = Files.createTempFile("demo-institutions-", ".csv");
        Path reportsCsv = Files.createTempFile("demo-reports-", ".csv");
        try {
            ImportResult institutions = null;
            ImportResult reports = null;
            if (skipImports) {
                System.out.println("seed: imports skipped (--skip-imports): the registry must already hold this data set"
                        + " (the same --institutions, --seed, --months and --until)");
            } else {
                try (Writer out = writer(institutionsCsv)) {
                    data.writeInstitutions(out);
                }
                System.out.printf("seed: institutions CSV %,d bytes%n", Files.size(institutionsCsv));
                institutions = importFile("INSTITUTIONS", institutionsCsv, count, central);

                long reportRows;
                try (Writer out = writer(reportsCsv)) {
                    reportRows = data.writeReports(out);
                }
                System.out.printf("seed: reports CSV %,d rows, %,d bytes%n", reportRows, Files.size(reportsCsv));
                reports = importFile("REPORTS", reportsCsv, reportRows, central);
            }

            printNational(until, central);
            ClassificationSeeder.Result classification = null;
            RuntimeException classificationError = null;
            if (classificationWorkers > 0) {
                try {
                    classification = new ClassificationSeeder(client, gateway, classificationWorkers, accounts)
                            .run(data, seed, latestFoundOn(until, today), classificationProvinces);
                } catch (RuntimeException e) {
                    classificationError = e; // the imports' figures are recorded all the same
                }
            } else {
                System.out.println("seed: classification skipped (--no-classification)");
            }
            record(count, seed, months, until, institutions, reports, classification);
            if (classificationError != null) {
                throw new IllegalStateException("classification: " + (classificationError.getMessage() == null
                        ? classificationError.toString() : classificationError.getMessage()) + " (the imports are "
                        + "done; seed again to complete the classification, or leave it out with --no-classification)",
                        classificationError);
            }
            if (classification != null && classification.failed() > 0) {
                throw new IllegalStateException("classification: " + classification.failed() + " of "
                        + classification.institutions() + " institutions failed (first: "
                        + classification.failures().get(0) + "); the rest is recorded, running seed again completes it");
            }
        } finally {
            Files.deleteIfExists(institutionsCsv);
            Files.deleteIfExists(reportsCsv);
        }
    }

    /** Findings are dated up to the end of the month before the last reported one, never after today. */
    static LocalDate latestFoundOn(YearMonth until, LocalDate today) {
        LocalDate latest = until.minusMonths(1).atEndOfMonth();
        return latest.isAfter(today) ? today : latest;
    }

    private ImportResult importFile(String kind, Path csv, long expectedRows, PlatformClient.Tokens central) {
        central.refresh();
        long start = System.nanoTime();
        JsonNode job = client.startImport(gateway, kind, csv, central);
        String id = job.path("id").asString();
        System.out.printf("seed: %s import %s accepted after %.1f s (upload); waiting for it ...%n", kind, id,
                seconds(System.nanoTime() - start));
        long deadline = start + importTimeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS.toNanos();
        URI jobUri = gateway.resolve("/api/v1/registry/imports/" + id);
        while (true) {
            job = client.getJson(jobUri, central);
            String state = job.path("state").asString();
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                break;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(kind + " import " + id + " not done after " + importTimeout
                        + " (state " + state + ", " + job.path("rows").asLong() + " rows); it keeps running in the service");
            }
            if (now > nextProgress) {
                long rows = job.path("rows").asLong();
                System.out.printf("  %s: %s, %,d of %,d rows, %.0f rows/s so far%n", kind, state, rows, expectedRows,
                        rows / seconds(now - start));
                nextProgress = now + PROGRESS.toNanos();
            }
            sleep(POLL);
        }
        double elapsed = seconds(System.nanoTime() - start);
        long rows = job.path("rows").asLong();
        ImportResult result = new ImportResult(kind, rows, elapsed, job);
        System.out.printf("seed: %s import %s %s: %,d rows in %.1f s = %.0f rows/s; %s%n", kind, id,
                job.path("state").asString(), rows, elapsed, result.rate(), counts(job));
        if (!job.path("message").isMissingNode() && !job.path("message").isNull()) {
            System.out.println("  message: " + job.path("message").asString());
        }
        if (job.path("counts").path("REJECTED").asLong() > 0 || job.path("counts").path("CONFLICT").asLong() > 0) {
            for (String outcome : new String[]{"REJECTED", "CONFLICT"}) {
                JsonNode rows20 = client.getJson(gateway.resolve("/api/v1/registry/imports/" + id + "/rows?outcome="
                        + outcome + "&size=20"), central);
                int shown = 0;
                for (JsonNode row : rows20) {
                    if (shown++ == 5) {
                        break;
                    }
                    System.out.printf("  %s row %d %s: %s%n", outcome, row.path("row").asLong(),
                            row.path("creditCode").asString(), row.path("reasons"));
                }
            }
        }
        if (!"DONE".equals(job.path("state").asString())) {
            throw new IllegalStateException(kind + " import " + id + " failed: " + job.path("message").asString());
        }
        return result;
    }

    /** The registry's national figures after the imports; a figure the registry cannot give now is not worth failing for. */
    private void printNational(YearMonth until, PlatformClient.Tokens central) {
        JsonNode statistics;
        try {
            statistics = client.getJson(gateway.resolve("/api/v1/registry/statistics?asOf=" + until), central);
        } catch (IllegalStateException e) {
            System.out.println("seed: national statistics not shown: " + e.getMessage());
            return;
        }
        JsonNode national = statistics.path("national");
        System.out.printf("seed: national statistics %s: %,d institutions, %,d cross-region, loan balance %s yuan, "
                        + "%,d lenders, %,d without a report; by status %s%n", until,
                national.path("institutions").asLong(), national.path("crossRegion").asLong(),
                national.path("loanBalance").asString(), national.path("lenders").asLong(),
                national.path("withoutReport").asLong(), national.path("byStatus"));
    }

    private static void printProvinces(DemoData data) {
        Map<String, Long> byProvince = new java.util.TreeMap<>();
        data.institutions().forEach(i -> byProvince.merge(i.registeredProvince(), 1L, Long::sum));
        StringBuilder line = new StringBuilder("  by province:");
        byProvince.forEach((code, n) -> line.append(' ').append(code).append('=').append(n));
        System.out.println(line);
    }

    /** The last seed's figures, for the benchmark's report. */
    private void record(int count, long seed, int months, YearMonth until, ImportResult institutions,
                        ImportResult reports, ClassificationSeeder.Result classification) {
        try {
            Files.createDirectories(outDir);
            Properties properties = new Properties();
            Path last = outDir.resolve("seed-result.properties");
            if (institutions == null && Files.exists(last)) { // --skip-imports: the imports' figures of the last seed stay
                try (var in = Files.newBufferedReader(last, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
            }
            properties.setProperty("institutions", Integer.toString(count));
            properties.setProperty("seed", Long.toString(seed));
            properties.setProperty("months", Integer.toString(months));
            properties.setProperty("until", until.toString());
            properties.setProperty("at", java.time.OffsetDateTime.now().withNano(0).toString());
            for (ImportResult result : new ImportResult[]{institutions, reports}) {
                if (result == null) {
                    continue;
                }
                String prefix = result.kind().toLowerCase() + ".";
                properties.setProperty(prefix + "rows", Long.toString(result.rows()));
                properties.setProperty(prefix + "seconds", String.format("%.1f", result.seconds()));
                properties.setProperty(prefix + "rate", String.format("%.0f", result.rate()));
                properties.setProperty(prefix + "counts", counts(result.job()));
            }
            if (classification != null) {
                properties.setProperty("classification.institutions", Integer.toString(classification.institutions()));
                properties.setProperty("classification.provinces",
                        classificationProvinces.containsAll(DemoClassification.ALL_PROVINCES) ? "all"
                                : String.join(",", classificationProvinces));
                properties.setProperty("classification.findings", classification.findingsCreated() + " created, "
                        + classification.findingsPresent() + " already there");
                properties.setProperty("classification.decisions", classification.decisionsCreated() + " recorded ("
                        + classification.differing() + " against the proposal), " + classification.decisionsPresent()
                        + " already there, " + classification.approved() + " approved, by category "
                        + classification.categories());
                properties.setProperty("classification.failed", Long.toString(classification.failed()));
                properties.setProperty("classification.seconds", String.format("%.1f", classification.seconds()));
            } else {
                properties.setProperty("classification.institutions", "skipped");
            }
            try (Writer out = writer(outDir.resolve("seed-result.properties"))) {
                properties.store(out, "last ./platform seed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String counts(JsonNode job) {
        StringBuilder text = new StringBuilder();
        for (String outcome : new String[]{"CREATED", "UPDATED", "UNCHANGED", "CONFLICT", "REJECTED"}) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(outcome).append('=').append(job.path("counts").path(outcome).asLong());
        }
        return text.toString();
    }

    private static Writer writer(Path path) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
