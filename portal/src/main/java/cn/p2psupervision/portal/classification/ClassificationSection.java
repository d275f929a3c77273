package cn.p2psupervision.portal.classification;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.client.ResourceAccessException;

import cn.p2psupervision.portal.api.ApiProblem;
import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.api.ProblemMessages;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.security.PortalUser;

/**
 * 分类处置 on an institution's file (CLS-01..07): its findings, the platform's proposal with the five standards, the
 * current decision, and which of the two acts the user may do. The buttons follow the API's rules (AUTH-02..04) only
 * to spare the user a refusal: the API decides. Classification being unavailable does not hide the file: the
 * section says so instead.
 */
@Component
public class ClassificationSection {

    /** The categories of CLS-06, in the campaign's order. */
    static final List<String> CATEGORIES = List.of("COMPLIANT", "RECTIFICATION", "BANNING");

    private final ClassificationApi api;
    private final ProblemMessages problems;

    ClassificationSection(ClassificationApi api, ProblemMessages problems) {
        this.api = api;
        this.problems = problems;
    }

    /** Adds the section ({@code classification}) for the file, as the user may act on it. */
    public void addTo(Model model, Institutions.File file, PortalUser user, Locale locale) {
        model.addAttribute("classification", of(file, user, locale));
        model.addAttribute("categories", CATEGORIES);
    }

    View of(Institutions.File file, PortalUser user, Locale locale) {
        List<Classification.Finding> findings;
        Map<String, String> problemNames;
        Decisions.Entry decision;
        List<Decisions.Decision> versions;
        try {
            findings = api.findings(file.id());
            problemNames = api.problemNames();
            decision = api.decision(file.id());
            versions = decision == null ? List.of() : api.decisionVersions(file.id());
        } catch (ApiProblemException refused) {
            return View.unavailable(problems.describe(refused.problem(), locale));
        } catch (ResourceAccessException unreachable) {
            return View.unavailable(problems.describe(ApiProblem.ofStatus(503), locale));
        }
        Classification.Proposal proposal = null;
        List<String> proposalProblem = List.of();
        try {
            proposal = api.proposal(file.id());
        } catch (ApiProblemException refused) {
            proposalProblem = problems.describe(refused.problem(), locale);
        }
        boolean registrationOffice = user != null && user.isProvincial()
                && user.province().equals(file.registeredProvince());
        String state = decision == null ? null : decision.decision().state();
        boolean mayRecord = registrationOffice && !"APPROVED".equals(state);
        boolean ownRecord = decision != null && decision.decision().recordedBy() != null && user != null
                && user.username().equals(decision.decision().recordedBy().username());
        boolean mayApprove = registrationOffice && user.isHead() && "RECORDED".equals(state) && !ownRecord;
        boolean mayReopen = user != null && user.isCentral() && "APPROVED".equals(state);
        return new View(findings, problemNames, proposal, proposalProblem, decision, versions, mayRecord, mayApprove,
                mayReopen, registrationOffice && user.isHead() && "RECORDED".equals(state) && ownRecord, List.of());
    }

    /**
     * @param versions      every version of the decision, oldest first (CLS-07: every version is kept)
     * @param mayReopen     central may reopen the approved decision (AUTH-03)
     * @param ownRecordNote a head sees why there is no approval button: the decision is their own (AUTH-04)
     * @param unavailable   why the section cannot be shown (classification refused or unreachable); empty otherwise
     */
    public record View(List<Classification.Finding> findings, Map<String, String> problemNames,
                       Classification.Proposal proposal, List<String> proposalProblem, Decisions.Entry decision,
                       List<Decisions.Decision> versions, boolean mayRecord, boolean mayApprove, boolean mayReopen,
                       boolean ownRecordNote, List<String> unavailable) {

        static View unavailable(List<String> why) {
            return new View(List.of(), Map.of(), null, List.of(), null, List.of(), false, false, false, false, why);
        }

        public String problemName(String code) {
            return problemNames.getOrDefault(code, code);
        }

        public long activeFindings() {
            return findings.stream().filter(f -> !f.withdrawn()).count();
        }
    }
}
