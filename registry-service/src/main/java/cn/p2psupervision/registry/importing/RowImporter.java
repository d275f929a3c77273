package cn.p2psupervision.registry.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import cn.p2psupervision.platform.input.JsonMembers;
import cn.p2psupervision.platform.problem.InvalidInputException;
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
import cn.p2psupervision.registry.report.ReportService;
import cn.p2psupervision.registry.report.ReportSubmission;

/**
 * Applies one import row (REG-05), idempotently by credit code: a new file is created; an existing one takes the
 * row's stated facts unless they would change a fact a province edited or verified (a conflict: nothing is written);
 * a row equal to the file changes nothing. A row the rules refuse (invalid input, a rule, a conflict) becomes the
 * row's outcome; anything else (the store down, a bug) is not the row's fault and fails the import with its cause.
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
        String rawCode = null;
        try {
            rawCode = JsonMembers.takeText(row, "creditCode", 40);
            CreditCode code = CreditCode.parse(rawCode);
            String province = JsonMembers.takeText(row, "registeredProvince", 10);
            FactSource source = new FactSource(sourceOf(JsonMembers.takeEnum(row, "source", FactSource.Source.class)),
                    dateOf(JsonMembers.takeDate(row, "asOf")), central.username(), null, false);
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
        } catch (InvalidInputException | RuleViolationException | ConstraintViolationException | ProblemException invalid) {
            return Result.rejected(rawCode, reasonOf(invalid));
        }
    }

    Result report(Caller central, String importId, ObjectNode row) {
        String rawCode = null;
        try {
            rawCode = JsonMembers.takeText(row, "creditCode", 40);
            CreditCode code = CreditCode.parse(rawCode);
            row.put("reason", "Import " + importId);
            ReportSubmission submission = factsJson.validated(factsJson.convert(row, ReportSubmission.class));
            ReportService.Submitted submitted = reports.submit(central, InstitutionFile.idFor(code), submission);
            return new Result(code.value(), submitted.created() ? ImportJob.Outcome.CREATED : ImportJob.Outcome.UNCHANGED,
                    List.of());
        } catch (RuleViolationException provincial) {
            return new Result(rawCode, "AUTH-03".equals(provincial.rule()) ? ImportJob.Outcome.CONFLICT
                    : ImportJob.Outcome.REJECTED, List.of(reasonOf(provincial)));
        } catch (InvalidInputException | ConstraintViolationException | ProblemException invalid) {
            return Result.rejected(rawCode, reasonOf(invalid));
        }
    }

    /** The reason of a refused row, in the words of the API's problems (the member and what is wrong). */
    private static String reasonOf(RuntimeException e) {
        if (e instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList().toString();
        }
        if (e instanceof RuleViolationException rule) {
            return rule.rule() + ": " + rule.getMessage();
        }
        if (e instanceof InvalidInputException invalid) {
            return (invalid.rule() == null ? "" : invalid.rule() + ": ") + invalid.describe();
        }
        return e.getMessage();
    }

    private static FactSource.Source sourceOf(FactSource.Source source) {
        if (source == null) {
            return FactSource.Source.INDUSTRY_DATABASE;
        }
        if (!source.claimable()) {
            throw new InvalidInputException("source", source + " cannot be imported: verifications and decisions of"
                    + " other contexts are recorded by their own endpoints");
        }
        return source;
    }

    private LocalDate dateOf(LocalDate value) {
        return value == null ? LocalDate.now(clock) : value;
    }

    record Result(String creditCode, ImportJob.Outcome outcome, List<String> reasons) {
        static Result rejected(String creditCode, String reason) {
            return new Result(creditCode, ImportJob.Outcome.REJECTED, List.of(reason));
        }
    }
}
