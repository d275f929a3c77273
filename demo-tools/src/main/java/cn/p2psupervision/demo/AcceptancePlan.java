package cn.p2psupervision.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which acceptance cases {@code seed-acceptance} makes (issue 8): in Zhejiang (33) and Guangdong (44), one case in each
 * {@link Scenario}, each for an institution registered there whose classification is approved COMPLIANT. The
 * candidates are taken in the order of their registry ids, so a run finds the institutions of the run before: an
 * institution with a case already is the next scenario's; one the opening refuses (ACC-01, ACC-02a..e) is skipped, and
 * will be again.
 */
final class AcceptancePlan {

    static final List<String> PROVINCES = List.of("33", "44");

    /** The states the seed brings cases to, in the order the candidates are given them. */
    enum Scenario {
        /** Just opened. */
        OPEN("open"),
        /** Open, the joint team of two agencies, every check recorded PASSED and confirmed by the other agency. */
        CHECKED("open, team and checks"),
        /** Passed, under public notice, with one complaint from the public. */
        ON_NOTICE("on notice, one complaint"),
        /** Failed, guided exit while still operating: the four shutdown requests go to the agencies (ACC-14). */
        GUIDED_EXIT("guided exit, still operating"),
        /** Failed, banned (not cooperative): registry status BANNED and the referral to public security. */
        BANNED("banned");

        private final String label;

        Scenario(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        /** Whether the case of this scenario has the team and every check recorded and confirmed. */
        boolean checked() {
            return this == CHECKED || this == ON_NOTICE;
        }

        /** Whether the case of this scenario is concluded (the business places' opinions answered first). */
        boolean concluded() {
            return this == ON_NOTICE || this == GUIDED_EXIT || this == BANNED;
        }
    }

    /** A candidate given a scenario. */
    record Assignment(String institutionId, Scenario scenario) {
    }

    private AcceptancePlan() {
    }

    /**
     * The scenarios given to {@code candidates} (any order: they are sorted by id): in id order, a candidate that
     * {@code hasCase} or that {@code opens} takes the next scenario; one that does not open is skipped. {@code opens}
     * is asked only while scenarios are left and only of candidates without a case, so the opening it may do happens
     * exactly for the candidates assigned.
     */
    static List<Assignment> assign(List<String> candidates, Set<String> hasCase, Predicate<String> opens) {
        List<Assignment> assigned = new ArrayList<>();
        Scenario[] scenarios = Scenario.values();
        for (String id : candidates.stream().distinct().sorted().toList()) {
            if (assigned.size() == scenarios.length) {
                break;
            }
            if (hasCase.contains(id) || opens.test(id)) {
                assigned.add(new Assignment(id, scenarios[assigned.size()]));
            }
        }
        return assigned;
    }
}
