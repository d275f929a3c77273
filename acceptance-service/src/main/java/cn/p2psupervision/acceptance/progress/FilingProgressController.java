package cn.p2psupervision.acceptance.progress;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.acceptance.cases.AcceptanceCase;
import cn.p2psupervision.acceptance.cases.CaseKeys;
import cn.p2psupervision.platform.registryfeed.InstitutionDirectory;
import cn.p2psupervision.platform.security.Caller;

/**
 * {@code GET /api/v1/acceptance/filing-progress} (ACC-13): the filing progress of the cases the caller may read
 * (central: the country), from the cases' keys in memory.
 */
@RestController
class FilingProgressController {

    private final CaseKeys keys;
    private final InstitutionDirectory institutions;
    private final Clock clock;

    FilingProgressController(CaseKeys keys, InstitutionDirectory institutions, Clock clock) {
        this.keys = keys;
        this.institutions = institutions;
        this.clock = clock;
    }

    @GetMapping("/api/v1/acceptance/filing-progress")
    FilingProgress progress(Caller caller) {
        InstitutionDirectory.Readable readable = institutions.readable(caller);
        return FilingProgress.of(keys.all().stream().filter(key -> readable.includes(key.institutionId())).toList(),
                LocalDate.ofInstant(clock.instant(), AcceptanceCase.CHINA));
    }
}
