package cn.p2psupervision.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure parts of the incident benchmark: the breach scan's figures from the breach list, the latency summary and
 * medians, the batch file as the benchmark writes it and the platform script extends it, and the page count of a PDF.
 */
class IncidentBenchmarkTest {

    private static final Instant RESTART = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theScanIsMeasuredFromTheBatchsOwnNotificationBreaches() {
        Set<String> batch = Set.of("EV-1", "EV-2", "EV-3");
        List<IncidentBenchmark.BreachLine> lines = List.of(
                new IncidentBenchmark.BreachLine("EV-1", "NOTIFICATION", RESTART.plusSeconds(41)),
                new IncidentBenchmark.BreachLine("EV-2", "NOTIFICATION", RESTART.plusMillis(43_500)),
                new IncidentBenchmark.BreachLine("EV-3", "NOTIFICATION", RESTART.plusSeconds(42)),
                new IncidentBenchmark.BreachLine("EV-3", "WRITTEN_REPORT", RESTART.plusSeconds(42)),
                new IncidentBenchmark.BreachLine("EV-OLD", "NOTIFICATION", RESTART.minusSeconds(3600)));

        IncidentBenchmark.BreachFigures figures = IncidentBenchmark.BreachFigures.of(batch, lines, RESTART,
                RESTART.plusSeconds(25));

        assertThat(figures.complete()).isTrue();
        assertThat(figures.flagged()).isEqualTo(3);
        assertThat(figures.first()).isEqualTo(RESTART.plusSeconds(41));
        assertThat(figures.last()).isEqualTo(RESTART.plusMillis(43_500));
        assertThat(figures.firstToLast()).isCloseTo(2.5, within(1e-9));
        assertThat(figures.restartToFirst()).isCloseTo(41.0, within(1e-9));
        assertThat(figures.restartToLast()).isCloseTo(43.5, within(1e-9));
        assertThat(figures.healthyToLast()).isCloseTo(18.5, within(1e-9));
        assertThat(figures.otherKinds()).as("the written report was not due yet").isEqualTo(1);
    }

    @Test
    void aScanNotDoneYetOrWithoutTheScriptsTimesSaysSo() {
        IncidentBenchmark.BreachFigures figures = IncidentBenchmark.BreachFigures.of(Set.of("EV-1", "EV-2"),
                List.of(new IncidentBenchmark.BreachLine("EV-1", "NOTIFICATION", RESTART)), null, null);

        assertThat(figures.complete()).isFalse();
        assertThat(figures.flagged()).isEqualTo(1);
        assertThat(figures.firstToLast()).isZero();
        assertThat(figures.restartToLast()).isNaN();
        assertThat(IncidentBenchmark.seconds(figures.restartToLast())).isEqualTo("-");
        assertThat(IncidentBenchmark.BreachFigures.of(Set.of("EV-1"), List.of(), RESTART, RESTART).first()).isNull();
    }

    @Test
    void latenciesAreSummarisedByNearestRank() {
        long[] nanos = new long[20];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (20 - i) * 1_000_000L; // 20 ms down to 1 ms
        }
        IncidentBenchmark.Summary summary = IncidentBenchmark.Summary.of(nanos);

        assertThat(summary.n()).isEqualTo(20);
        assertThat(summary.min()).isEqualTo(1.0);
        assertThat(summary.p50()).isEqualTo(10.0);
        assertThat(summary.p95()).isEqualTo(19.0);
        assertThat(summary.max()).isEqualTo(20.0);
        assertThat(nanos[0]).as("the sample is left as it was").isEqualTo(20_000_000L);
        assertThat(IncidentBenchmark.Summary.of(new long[0]).p95()).isNaN();
    }

    @Test
    void mediansAndSpreadsOfWholeMilliseconds() {
        assertThat(IncidentBenchmark.median(new long[]{900, 100, 500})).isEqualTo(500.0);
        assertThat(IncidentBenchmark.median(new long[]{4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(IncidentBenchmark.median(new long[0])).isNaN();
        assertThat(IncidentBenchmark.spread(new long[]{1_200, 900, 15_000})).isEqualTo("900 / 1,200 / 15,000");
        assertThat(IncidentBenchmark.spread(new long[]{3, 4})).isEqualTo("3 / 3.5 / 4");
        assertThat(IncidentBenchmark.spread(new long[0])).isEqualTo("-");
    }

    @Test
    void theBatchFileCarriesTheEventsAndTheRestartTheScriptAppends(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("target").resolve(IncidentBenchmark.BATCH_FILE);
        Map<String, String> events = new LinkedHashMap<>();
        events.put("EV-20261122-AAAAAAAA", "33");
        events.put("EV-20261122-BBBBBBBB", "44");
        new IncidentBenchmark.Batch(events, null, null, Duration.ofMinutes(181), 12.34, 2).write(file);
        assertThat(IncidentBenchmark.Batch.read(file).restartedAt()).isNull();
        // what ./platform bench appends after restarting the service on real time
        Files.writeString(file, "restartedAt=2026-11-22T10:00:00.125Z\nhealthyAt=2026-11-22T10:00:31.500Z\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        IncidentBenchmark.Batch batch = IncidentBenchmark.Batch.read(file);

        assertThat(batch.provinceOf()).containsExactlyEntriesOf(events);
        assertThat(batch.clockBehind()).isEqualTo(Duration.ofMinutes(181));
        assertThat(batch.seconds()).isEqualTo(12.3);
        assertThat(batch.failed()).isEqualTo(2);
        assertThat(batch.restartedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.125Z"));
        assertThat(batch.healthyAt()).isEqualTo(Instant.parse("2026-11-22T10:00:31.500Z"));
        assertThat(IncidentBenchmark.Batch.read(dir.resolve("none.properties"))).isNull();
    }

    @Test
    void aPdfsPagesAreCountedInTheFileAndInItsCompressedObjectStreams() {
        String plain = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>\nendobj\n"
                + "3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n4 0 obj\n<</Type/Page/Parent 2 0 R>>\nendobj\n"
                + "5 0 obj\n<< /Type /Page\n/Parent 2 0 R >>\nendobj\n%%EOF\n";
        assertThat(PdfPages.count(plain.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(3);

        byte[] objects = deflate("<< /Type /Pages /Kids [4 0 R 5 0 R] /Count 2 >> << /Type /Page /Parent 3 0 R >> "
                + "<</Type/Page/Parent 3 0 R>>");
        byte[] content = deflate("BT /F1 12 Tf (Type Page) Tj ET");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 3 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /ObjStm /N 3 /First 0 /Filter /FlateDecode /Length " + objects.length
                + " >>\nstream\n").getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(objects);
        pdf.writeBytes(("\nendstream\nendobj\n6 0 obj\n<< /Filter /FlateDecode /Length " + content.length
                + " >>\nstream\r\n").getBytes(StandardCharsets.ISO_8859_1));
        pdf.writeBytes(content);
        pdf.writeBytes("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(PdfPages.count(pdf.toByteArray())).isEqualTo(2);

        assertThat(PdfPages.count("{\"entries\":[]}".getBytes(StandardCharsets.UTF_8))).isZero();
        assertThat(PdfPages.count(null)).isZero();
    }

    private static byte[] deflate(String text) {
        Deflater deflater = new Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.ISO_8859_1));
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }
}
