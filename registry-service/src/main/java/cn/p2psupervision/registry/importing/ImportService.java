package cn.p2psupervision.registry.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.audit.AuditTrail;
import cn.p2psupervision.platform.input.PageParameters;
import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.InstitutionVersion;
import cn.p2psupervision.registry.institution.RegisterChanges;
import cn.p2psupervision.registry.institution.RegisterView;

/**
 * Bulk imports (REG-05), central only. The upload is streamed to a file, then rows are read one at a time on a single
 * background worker and applied independently: a bad row never blocks good ones, memory stays flat whatever the
 * size, and progress and the per-row report are written in batches.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class ImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final int BATCH = 500;

    private final ImportStore store;
    private final RegisterChanges registerChanges;
    private final RegisterView registerView;
    private final RowImporter importer;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path uploads;
    private final long maxUploadBytes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "registry-import");
        thread.setDaemon(true);
        return thread;
    });

    public ImportService(ImportStore store, RegisterChanges registerChanges, RegisterView registerView,
                         RowImporter importer, JsonMapper json, AuditTrail audit, Clock clock,
                         ImportProperties properties) {
        this.store = store;
        this.registerChanges = registerChanges;
        this.registerView = registerView;
        this.importer = importer;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.uploads = properties.dir();
        this.maxUploadBytes = properties.maxUpload().toBytes();
    }

    /** Imports interrupted by a restart are marked failed: re-submitting the file is safe, imports are idempotent. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        if (store.failUnfinished("Interrupted by a restart of the service; submit the file again (imports are idempotent)",
                clock.instant())) {
            // rows of its last batch may be applied but not yet published to the replicas' register views
            registerChanges.recordReload();
        }
    }

    /** Stores the upload and queues it; the job is returned at once (202). */
    public ImportJob start(Caller caller, ImportJob.Kind kind, ImportJob.Format format, InputStream body) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("The base list is central data: only the central office imports (REG-05)");
        }
        String id = UUID.randomUUID().toString();
        Path file = uploads.resolve(id + (format == ImportJob.Format.CSV ? ".csv" : ".json"));
        try {
            Files.createDirectories(uploads);
            Files.copy(new LimitedInputStream(body, maxUploadBytes), file, StandardCopyOption.REPLACE_EXISTING);
            UploadCheck.utf8(file);
            if (format == ImportJob.Format.CSV) {
                UploadCheck.csv(file, columnsOf(kind));
            } else {
                UploadCheck.json(file, json);
            }
        } catch (UploadTooLargeException e) {
            deleteQuietly(file);
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "An import file may have at most " + maxUploadBytes / (1024 * 1024) + " MiB; split it");
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("Cannot store the upload", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        ImportJob job = new ImportJob(id, kind, format, ImportJob.State.QUEUED, InstitutionVersion.ChangedBy.of(caller),
                clock.instant(), null, 0, Map.of(), null);
        store.create(job);
        audit.record(caller, "IMPORT_STARTED", "import", id, null, Map.of("kind", kind, "format", format), null);
        worker.submit(() -> run(job, file, caller));
        return job;
    }

    public ImportJob job(Caller caller, String id) {
        requireCentral(caller);
        return store.job(id).orElseThrow(() -> ProblemException.notFound("Import", id));
    }

    /** The per-row report, optionally one outcome only, in row order. */
    public List<ImportRow> rows(Caller caller, String id, ImportJob.Outcome outcome, PageParameters paging) {
        job(caller, id);
        return store.rows(id, outcome, paging);
    }

    private void run(ImportJob job, Path file, Caller caller) {
        store.running(job.id());
        registerChanges.defer(); // rows reach lists and statistics per batch, not at two extra writes per row
        Map<ImportJob.Outcome, Long> counts = new EnumMap<>(ImportJob.Outcome.class);
        List<ImportRow> batch = new ArrayList<>(BATCH);
        long row = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RowSource rows = job.format() == ImportJob.Format.CSV ? csvRows(reader, job.kind()) : jsonRows(reader);
            for (JsonNode node = rows.next(); node != null; node = rows.next()) {
                row++;
                RowImporter.Result result = !(node instanceof ObjectNode object)
                        ? RowImporter.Result.rejected(null, "the row is not a JSON object of the documented members")
                        : job.kind() == ImportJob.Kind.INSTITUTIONS
                        ? importer.institution(caller, job.id(), object)
                        : importer.report(caller, job.id(), object);
                counts.merge(result.outcome(), 1L, Long::sum);
                batch.add(new ImportRow(ImportRow.idOf(job.id(), row), job.id(), row, result.creditCode(),
                        result.outcome(), result.reasons()));
                if (batch.size() == BATCH) {
                    flush(job.id(), batch, row, counts);
                }
            }
            flush(job.id(), batch, row, counts);
            finish(job.id(), ImportJob.State.DONE, null);
            log.info("Import {} done: {} rows, {}", job.id(), row, counts);
        } catch (RuntimeException | IOException e) {
            // not a row's fault (rows refuse themselves as REJECTED): a store outage, a bug. Rows before it are
            // applied and consistent (each is committed on its own); a new upload of the file continues idempotently.
            String reference = UUID.randomUUID().toString();
            log.error("Import {} failed at row {} (reference {})", job.id(), row, reference, e);
            flushQuietly(job.id(), batch, row, counts);
            finish(job.id(), ImportJob.State.FAILED, "Stopped at row " + row + " by an unexpected error (reference "
                    + reference + " in the registry's log); the rows before it are applied. Submit the file again"
                    + " when the cause is fixed: imports are idempotent");
        } finally {
            registerChanges.stopDeferring();
            deleteQuietly(file);
        }
        registerView.current(); // this replica takes in the import now, not the next reader
    }

    private void flushQuietly(String id, List<ImportRow> batch, long rows, Map<ImportJob.Outcome, Long> counts) {
        try {
            flush(id, batch, rows, counts);
        } catch (RuntimeException e) {
            log.warn("Import {}: the row report could not be saved", id, e);
        }
    }

    private void flush(String id, List<ImportRow> batch, long rows, Map<ImportJob.Outcome, Long> counts) {
        registerChanges.publishDeferred();
        store.progress(id, batch, rows, counts);
        batch.clear();
    }

    private void finish(String id, ImportJob.State state, String message) {
        store.finish(id, state, message, clock.instant());
    }

    private interface RowSource {
        JsonNode next() throws IOException;
    }

    private static List<String> columnsOf(ImportJob.Kind kind) {
        return kind == ImportJob.Kind.INSTITUTIONS ? CsvColumns.INSTITUTION_COLUMNS : CsvColumns.REPORT_COLUMNS;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete upload {}", file, e);
        }
    }

    private RowSource csvRows(Reader reader, ImportJob.Kind kind) throws IOException {
        CsvReader csv = new CsvReader(new BufferedReader(reader));
        List<String> header = csv.next();
        if (header == null) {
            return () -> null;
        }
        List<String> columns = header.stream().map(String::trim).toList();
        CsvColumns.checkHeader(columns, columnsOf(kind));
        return () -> {
            List<String> record = csv.next();
            if (record == null) {
                return null;
            }
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < columns.size() && i < record.size(); i++) {
                cells.put(columns.get(i), record.get(i));
            }
            return kind == ImportJob.Kind.INSTITUTIONS ? CsvColumns.institution(cells, json) : CsvColumns.report(cells, json);
        };
    }

    /** Rows of a JSON upload (an array, or values one after another); each row whatever its shape. */
    private RowSource jsonRows(Reader reader) {
        MappingIterator<JsonNode> iterator = json.readerFor(JsonNode.class).readValues(reader);
        return () -> iterator.hasNextValue() ? iterator.nextValue() : null;
    }

    private static void requireCentral(Caller caller) {
        if (!caller.isCentral()) {
            throw ProblemException.forbidden("Imports are central's (REG-05)");
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private static final class UploadTooLargeException extends IOException {
    }

    /** Refuses uploads larger than the limit instead of filling the disk. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private long remaining;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw new UploadTooLargeException();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (remaining -= n) < 0) {
                throw new UploadTooLargeException();
            }
            return n;
        }
    }
}
