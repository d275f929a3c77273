package cn.p2psupervision.registry.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * REG-03 operating data in bulk for the other contexts' scans (incidents: INC-10 zombie institutions, INC-11 off-site
 * monitoring), service to service: the whole series of headline figures of up to {@value #MAX_INSTITUTIONS}
 * institutions named by id, one {@code _id} lookup of {@code report_figures} for all of them. The caller pages over
 * the institutions it knows (its own projection of the registry), so that every read here is served by the
 * {@code _id} index. A read, but a {@code POST}: a thousand ids do not fit in a URL. Under {@code /internal/**}: only
 * the {@code internal-service} role, and never routed by the gateway; no province scope applies (the caller is the
 * platform itself; the contexts decide who of their users sees what they derive).
 */
@RestController
class InternalFiguresController {

    static final String PATH = "/internal/registry/report-figures";
    static final int MAX_INSTITUTIONS = 1000;

    private final ReportStore reports;

    InternalFiguresController(ReportStore reports) {
        this.reports = reports;
    }

    /**
     * The series of each institution asked for that has figures, by ascending id; an id asked for twice is answered
     * once; an institution without figures, or unknown, is left out.
     */
    @PostMapping(PATH)
    FiguresBatch figures(@RequestBody FiguresRequest request) {
        return new FiguresBatch(reports.seriesOf(request.ids()));
    }

    /** @param institutionIds 1 to {@value #MAX_INSTITUTIONS} ids of the registry */
    record FiguresRequest(List<String> institutionIds) {

        /** The ids asked for, each once, stripped; a 400 problem when none, too many, or one is blank or too long. */
        Set<String> ids() {
            if (institutionIds == null || institutionIds.isEmpty() || institutionIds.size() > MAX_INSTITUTIONS) {
                throw new InvalidInputException("institutionIds",
                        "must list 1 to " + MAX_INSTITUTIONS + " institution ids");
            }
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < institutionIds.size(); i++) {
                String member = "institutionIds[" + i + "]";
                String id = institutionIds.get(i);
                if (id == null || id.isBlank()) {
                    throw new InvalidInputException(member, "must not be blank");
                }
                ids.add(InputPolicy.text(member, id.strip(), 200));
            }
            return ids;
        }
    }
}
