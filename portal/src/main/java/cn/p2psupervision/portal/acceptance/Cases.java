package cn.p2psupervision.portal.acceptance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The acceptance context's cases as the portal reads them (docs/api.md section 5, ACC-01..16). */
public final class Cases {

    private Cases() {
    }

    /** A case in the list (ACC-13: its deadline; ACC-08: its current notice). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(String institutionId, String institutionName, String creditCode, String registeredProvince,
                          String state, String complexity, LocalDate deadline, boolean overdue, Notice currentNotice,
                          int openComplaints, long version, Instant updatedAt) {
    }

    /** The whole case. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Case(String institutionId, String institutionName, String creditCode, String registeredProvince,
                       List<String> businessProvinces, List<SplitEntity> splitEntities, String complexity,
                       LocalDate deadline, boolean overdue, boolean largeOrInfluential, String state,
                       List<Member> team, List<Check> checks, List<Deficiency> outstandingChecks,
                       List<Opinion> opinions, Conclusion conclusion, List<Notice> notices, Certificate certificate,
                       LocalDate filedOn, int openComplaints, long version, Instant updatedAt) {

        @JsonCreator
        public Case {
            businessProvinces = orEmpty(businessProvinces);
            splitEntities = orEmpty(splitEntities);
            team = orEmpty(team);
            checks = orEmpty(checks);
            outstandingChecks = orEmpty(outstandingChecks);
            opinions = orEmpty(opinions);
            notices = orEmpty(notices);
        }

        /** A case without split-off entities, neither large nor influential. */
        public Case(String institutionId, String institutionName, String creditCode, String registeredProvince,
                    List<String> businessProvinces, String complexity, LocalDate deadline, boolean overdue,
                    String state, List<Member> team, List<Check> checks, List<Deficiency> outstandingChecks,
                    List<Opinion> opinions, Conclusion conclusion, List<Notice> notices, Certificate certificate,
                    LocalDate filedOn, int openComplaints, long version, Instant updatedAt) {
            this(institutionId, institutionName, creditCode, registeredProvince, businessProvinces, List.of(),
                    complexity, deadline, overdue, false, state, team, checks, outstandingChecks, opinions,
                    conclusion, notices, certificate, filedOn, openComplaints, version, updatedAt);
        }

        /** ACC-03: the members who have not left the team; only they record and confirm checks. */
        public List<Member> currentTeam() {
            return team.stream().filter(Member::current).toList();
        }

        /** ACC-03: the checks recorded and not cross-verified yet. */
        public List<Check> unconfirmedChecks() {
            return checks.stream().filter(c -> c.confirmedBy() == null).toList();
        }

        /** The recorded check of that code, or null. */
        public Check check(String code) {
            return checks.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }

        /** The notice now running or last run (ACC-08), or null before a passed conclusion. */
        public Notice currentNotice() {
            return notices.isEmpty() ? null : notices.get(notices.size() - 1);
        }

        /** The signature of {@code agency}'s head on the certificate (ACC-11), or null while it is missing. */
        public Signature signatureOf(String agency) {
            return certificate == null ? null : certificate.signatures().stream()
                    .filter(s -> agency.equals(s.agency())).findFirst().orElse(null);
        }
    }

    /** ACC-03: a member of the joint team (a person, not a platform user). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String id, String name, String agency, String organisation, Instant addedAt,
                         Instant removedAt) {

        /** Not left the team. */
        public boolean current() {
            return removedAt == null;
        }
    }

    /** ACC-06: an entity split off that serves only the institution, accepted with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SplitEntity(String name, String creditCode) {
    }

    /** ACC-01, ACC-06, ACC-13: what {@code POST /cases} takes. */
    public record Opening(String institutionId, String complexity, Boolean largeOrInfluential,
                          List<SplitEntity> splitEntities) {
    }

    /** ACC-04/05, ACC-02e..h: a check with its Chinese name and requirement. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String code, String name, String rule, String result, String evidence, String recordedBy,
                        Instant recordedAt, String confirmedBy, Instant confirmedAt, String custodyBank) {
    }

    /** A check keeping the case from passing: {@code MISSING}, {@code FAILED} or {@code UNCONFIRMED}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deficiency(String code, String name, String rule, String problem) {
    }

    /** ACC-16: the opinion of a business-place province. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Opinion(String province, String state, Boolean agrees, String text, Actor answeredBy, Instant at,
                          String waiverReason) {
    }

    /** ACC-07: the conclusion. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Conclusion(String outcome, String reason, String ground, boolean stillOperating, Actor by,
                             Instant at) {

        @JsonCreator
        public Conclusion {
        }

        public Conclusion(String outcome, String reason, String ground, Actor by, Instant at) {
            this(outcome, reason, ground, false, by, at);
        }
    }

    /** ACC-08: a public notice (公示) with its state today. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(String number, int sequence, LocalDate startedOn, LocalDate earliestEndOn, String state,
                         LocalDate revokedOn, String revokedBy) {
    }

    /** ACC-11: the certificate's signatures and, once both are there, its verification code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certificate(List<Signature> signatures, String verificationCode, LocalDate issuedOn) {

        public Certificate {
            signatures = orEmpty(signatures);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signature(String agency, Actor by, Instant at, LocalDate signedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Actor(String username, String province, String agency) {
    }

    /** ACC-09/10: a complaint against the case; {@code contact} only for the registration province. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Complaint(String receiptNumber, String noticeNumber, String state, String text, String contact,
                            boolean contactWithheld, String reply, LocalDate submittedOn, LocalDate resolvedOn) {
    }

    /** ACC-09: what resolving a complaint answers: the complaint and where the case stands after it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolution(Complaint complaint, After acceptanceCase) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record After(String state, int openComplaints, long version) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
