package cn.p2psupervision.classification.proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.catalogue.ProblemDefinition;
import cn.p2psupervision.classification.catalogue.ProblemKind;
import cn.p2psupervision.classification.catalogue.Standard;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.screening.ScreeningFlag;
import cn.p2psupervision.platform.problem.RuleViolationException;

/**
 * CLS-05..CLS-07: the platform's proposed category for one institution (分类建议), with each of the five standards
 * met or failed and the facts that decide it, the reasons in a machine form and in Simplified Chinese, and the
 * screening flags for attention. A provincial officer decides; the proposal only proposes.
 *
 * @param standards the five standards, in their order
 * @param reasons   criminal suspicions first (by finding id), then failed standards (in their order), or the single
 *                  reason that all standards are met
 * @param flags     CLS-04 flags, sorted; listed for attention, never deciding the category
 * @param facts     the registry facts the proposal was made from
 */
public record Proposal(String institutionId, Category category, List<StandardAssessment> standards,
                       List<Reason> reasons, List<ScreeningFlag> flags, InstitutionFacts facts) {

    public Proposal {
        standards = List.copyOf(standards);
        reasons = List.copyOf(reasons);
        flags = flags.stream().sorted().distinct().toList();
    }

    /**
     * The proposal, as a pure and deterministic function: the same inputs in any order give an equal proposal.
     *
     * <ul>
     * <li>A standard fails when an active finding's problem fails it (the catalogue says which), and standard 4 also
     * when the registry names no custody bank.</li>
     * <li>Any active finding of a {@link ProblemKind#CRIMINAL} problem → {@link Category#BANNING}; else any failed
     * standard → {@link Category#RECTIFICATION}; else {@link Category#COMPLIANT} (CLS-06).</li>
     * <li>Flags and business-type findings raise attention only (CLS-04): they never change the category.</li>
     * </ul>
     *
     * Withdrawn findings are ignored. Findings of another institution, or two versions of one finding, are a caller's
     * error ({@link IllegalArgumentException}); an institution outside the campaign's scope gets no proposal (422
     * CLS-07); an unknown problem code is refused by the catalogue.
     */
    public static Proposal propose(List<Finding> active, List<ScreeningFlag> flags, InstitutionFacts facts,
                                   ProblemCatalogue catalogue) {
        if (facts == null || catalogue == null) {
            throw new IllegalArgumentException("facts and catalogue are required");
        }
        if (!facts.inScope()) {
            throw new RuleViolationException("CLS-07", "Institution " + facts.institutionId()
                    + " is not in the campaign's scope (REG-04): no category is proposed");
        }
        List<Finding> findings = counted(active, facts.institutionId());

        Map<Standard, List<Ground>> grounds = new EnumMap<>(Standard.class);
        for (Standard standard : Standard.values()) {
            grounds.put(standard, new ArrayList<>());
        }
        List<Reason> reasons = new ArrayList<>();
        for (Finding finding : findings) {
            ProblemDefinition problem = catalogue.get(finding.problemCode());
            for (Standard standard : problem.fails()) {
                grounds.get(standard).add(Ground.finding(finding.id(), problem.code(), problem.name()));
            }
            if (problem.kind() == ProblemKind.CRIMINAL) {
                reasons.add(new Reason(Reason.Code.CRIMINAL_SUSPICION, List.of(finding.id(), problem.code()),
                        "发现 " + finding.id() + "：" + problem.name() + "，属取缔类情形"));
            }
        }
        if (!facts.hasCustodyBank()) {
            grounds.get(Standard.THIRD_PARTY_CUSTODY).add(Ground.registry(facts.institutionId(),
                    Ground.NO_CUSTODY_BANK, "登记信息中没有资金存管银行"));
        }

        List<StandardAssessment> standards = new ArrayList<>();
        for (Standard standard : Standard.values()) {
            StandardAssessment assessment = StandardAssessment.of(standard, grounds.get(standard));
            standards.add(assessment);
            if (assessment.failed()) {
                List<String> refs = new ArrayList<>();
                refs.add(standard.name());
                assessment.grounds().forEach(g -> refs.add(g.kind() == Ground.Kind.FINDING ? g.reference() : g.code()));
                reasons.add(new Reason(Reason.Code.STANDARD_FAILED, refs, "未满足" + standard.label() + "："
                        + assessment.grounds().stream().map(Ground::text).collect(Collectors.joining("；"))));
            }
        }

        boolean criminal = reasons.stream().anyMatch(r -> r.code() == Reason.Code.CRIMINAL_SUSPICION);
        boolean failed = standards.stream().anyMatch(StandardAssessment::failed);
        Category category = criminal ? Category.BANNING : failed ? Category.RECTIFICATION : Category.COMPLIANT;
        if (category == Category.COMPLIANT) {
            reasons.add(new Reason(Reason.Code.ALL_STANDARDS_MET, List.of(), "五项标准均已满足，且无涉嫌违法犯罪的发现"));
        }
        return new Proposal(facts.institutionId(), category, standards, reasons,
                flags == null ? List.of() : flags, facts);
    }

    /** The active findings, sorted by id; one version per finding, all of this institution. */
    private static List<Finding> counted(List<Finding> findings, String institutionId) {
        if (findings == null) {
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        for (Finding finding : findings) {
            if (!institutionId.equals(finding.institutionId())) {
                throw new IllegalArgumentException("Finding " + finding.id() + " is of institution "
                        + finding.institutionId() + ", not " + institutionId);
            }
            if (!ids.add(finding.id())) {
                throw new IllegalArgumentException("Finding " + finding.id() + " is given twice: pass its current "
                        + "version once");
            }
        }
        return findings.stream().filter(Finding::isActive).sorted(Comparator.comparing(Finding::id)).toList();
    }
}
