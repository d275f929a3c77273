package cn.p2psupervision.registry.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.problem.ProblemException;
import cn.p2psupervision.platform.problem.RuleViolationException;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.registry.institution.CreditCode;
import cn.p2psupervision.registry.institution.FactSource;
import cn.p2psupervision.registry.institution.Facts;
import cn.p2psupervision.registry.institution.FactsJson;
import cn.p2psupervision.registry.institution.InstitutionFile;
import cn.p2psupervision.registry.institution.InstitutionStore;
import cn.p2psupervision.registry.institution.InstitutionVersion;
import cn.p2psupervision.registry.institution.InvalidCreditCodeException;
import cn.p2psupervision.registry.report.ReportService;
import cn.p2psupervision.registry.report.ReportSubmission;

/**
 * Applies one import row (REG-05), idempotently by credit code: a new file is created; an existing one takes the
 * row's stated facts unless they would change a fact a province edited or verified (a conflict: nothing is written);
 * a row equal to the file changes nothing. Every refusal becomes the row's outcome, never an error of the import.
 */
@Component
class RowImporter {

    private final InstitutionStore files;
    private final FactsJson factsJson;
    private final ReportService reports;
    private final Clock clock;

    RowImporter(InstitutionStore files, FactsJson factsJson, ReportService reports, Clock clock) {
        this.files = files;
        this.factsJson = factsJson;
        this.reports = reports;
        this.clock = clock;
    }

    Result institution(Caller central, String importId, ObjectNode row) {
        String rawCode = text(row.remove("creditCode"));
        try {
            CreditCode code = CreditCode.parse(rawCode);
            String province = text(row.remove("registeredProvince"));
            FactSource source = new FactSource(sourceOf(text(row.remove("source"))), dateOf(text(row.remove("asOf"))),
                    central.username(), null, false);
            InstitutionVersion.ChangedBy by = InstitutionVersion.ChangedBy.of(central);
            String reason = "Import " + importId;
            Optional<InstitutionFile> existing = files.find(InstitutionFile.idFor(code));
            if (existing.isEmpty()) {
                if (province == null) {
                    return Result.rejected(code.value(), "registeredProvince is required for a new institution");
                }
                InstitutionFile file = InstitutionFile.register(code, province, factsJson.read(row), source,
                        clock.instant());
                files.commit(null, file, "IMPORT", reason, by, "import:" + code.value() + ":1");
                return new Result(code.value(), ImportJob.Outcome.CREATED, List.of());
            }
            InstitutionFile file = existing.get();
            if (province != null && !province.equals(file.registeredProvince())) {
                return new Result(code.value(), ImportJob.Outcome.CONFLICT, List.of("registeredProvince is "
                        + file.registeredProvince() + " in the registry, " + province + " in the import"));
            }
            Facts proposed = factsJson.merge(file.facts(), row);
            List<String> provincial = file.provincialFactsChangedBy(proposed);
            if (!provincial.isEmpty()) {
                return new Result(code.value(), ImportJob.Outcome.CONFLICT, provincial.stream()
                        .map(fact -> fact + " was edited or verified by the province and is not overwritten").toList());
            }
            InstitutionFile next = file.amend(proposed, source, clock.instant());
            if (next == file) {
                return new Result(code.value(), ImportJob.Outcome.UNCHANGED, List.of());
            }
            files.commit(file, next, "IMPORT", reason, by, "import:" + importId + ":" + code.value() + ":" + next.version());
            return new Result(code.value(), ImportJob.Outcome.UPDATED, List.of());
        } catch (InstitutionStore.StaleVersionException concurrent) {
            return Result.rejected(rawCode, "The file changed while the row was applied; import the row again");
        } catch (RuntimeException invalid) {
            return Result.rejected(rawCode, reasonOf(invalid));
        }
    }

    Result report(Caller central, String importId, ObjectNode row) {
        String rawCode = text(row.remove("creditCode"));
        try {
            CreditCode code = CreditCode.parse(rawCode);
            row.put("reason", "Import " + importId);
            ReportSubmission submission = factsJson.validated(factsJson.convert(row, ReportSubmission.class));
            ReportService.Submitted submitted = reports.submit(central, InstitutionFile.idFor(code), submission);
            return new Result(code.value(), submitted.created() ? ImportJob.Outcome.CREATED : ImportJob.Outcome.UNCHANGED,
                    List.of());
        } catch (RuleViolationException provincial) {
            return new Result(rawCode, "AUTH-03".equals(provincial.rule()) ? ImportJob.Outcome.CONFLICT
                    : ImportJob.Outcome.REJECTED, List.of(reasonOf(provincial)));
        } catch (RuntimeException invalid) {
            return Result.rejected(rawCode, reasonOf(invalid));
        }
    }

    private static String reasonOf(RuntimeException e) {
        if (e instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList().toString();
        }
        if (e instanceof RuleViolationException rule) {
            return rule.rule() + ": " + rule.getMessage();
        }
        if (e instanceof ProblemException || e instanceof InvalidCreditCodeException
                || e instanceof IllegalArgumentException || e instanceof java.time.DateTimeException) {
            return e.getMessage();
        }
        return "Row could not be applied: " + e.getClass().getSimpleName();
    }

    private static FactSource.Source sourceOf(String value) {
        FactSource.Source source = value == null ? FactSource.Source.INDUSTRY_DATABASE : FactSource.Source.valueOf(value);
        if (!source.claimable()) {
            throw new IllegalArgumentException("source " + source + " cannot be imported: verifications and decisions"
                    + " of other contexts are recorded by their own endpoints");
        }
        return source;
    }

    private LocalDate dateOf(String value) {
        return value == null ? LocalDate.now(clock) : LocalDate.parse(value);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    record Result(String creditCode, ImportJob.Outcome outcome, List<String> reasons) {
        static Result rejected(String creditCode, String reason) {
            return new Result(creditCode, ImportJob.Outcome.REJECTED, List.of(reason));
        }
    }
}
