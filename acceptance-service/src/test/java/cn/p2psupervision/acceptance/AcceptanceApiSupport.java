package cn.p2psupervision.acceptance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import cn.p2psupervision.acceptance.classificationfacts.AcceptanceFacts;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/**
 * Test data of the acceptance API tests: institutions as the registry feed projects them, classification's facts as
 * classification-service would answer them, and the officers and heads of any province.
 */
public final class AcceptanceApiSupport {

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L) * 1000);

    private AcceptanceApiSupport() {
    }

    /** A fresh institution id, unique in the shared in-memory database. */
    public static String newInstitutionId() {
        return "inst-" + SEQUENCE.incrementAndGet();
    }

    /**
     * An in-scope institution established in 2014 with a custody bank on the whitelist (浙商银行), registered in
     * {@code province}, doing business in {@code business}.
     */
    public static InstitutionReference institution(String id, String province, String... business) {
        return new InstitutionReference(id, creditCodeOf(id), "测试网贷平台 " + id, province, List.of(business),
                "OPERATING", LocalDate.of(2014, 3, 1), LocalDate.of(2014, 6, 1), true, "浙商银行", 1);
    }

    /** The same institution with other dates, scope or custody bank (a newer registry version). */
    public static InstitutionReference institution(String id, String province, LocalDate establishedOn,
                                                   LocalDate lendingStartedOn, boolean inScope, String custodyBank,
                                                   String... business) {
        return new InstitutionReference(id, creditCodeOf(id), "测试网贷平台 " + id, province, List.of(business),
                "OPERATING", establishedOn, lendingStartedOn, inScope, custodyBank, 1);
    }

    /** An 18-character credit code derived from the id. */
    public static String creditCodeOf(String id) {
        String digits = id.replaceAll("\\D", "");
        return "91330" + "0".repeat(Math.max(0, 13 - digits.length())) + digits.substring(Math.max(0,
                digits.length() - 13));
    }

    /** Classification's facts of an institution classified compliant (合规类), approved, with no findings. */
    public static AcceptanceFacts compliant(String institutionId) {
        return new AcceptanceFacts(institutionId, new AcceptanceFacts.ApprovedDecision("COMPLIANT", 1,
                Instant.parse("2017-01-20T02:00:00Z")), "APPROVED", null, List.of());
    }

    /** Classified for rectification (整改类) with an order of which {@code openItems} are open, and its findings. */
    public static AcceptanceFacts rectification(String institutionId, int openItems,
                                                AcceptanceFacts.Finding... findings) {
        return new AcceptanceFacts(institutionId, new AcceptanceFacts.ApprovedDecision("RECTIFICATION", 1,
                Instant.parse("2017-01-20T02:00:00Z")), "APPROVED", new AcceptanceFacts.Rectification(true,
                "O-" + institutionId + "-1", LocalDate.of(2017, 6, 30), openItems == 0, openItems),
                List.of(findings));
    }

    /** A finding as classification reports it. */
    public static AcceptanceFacts.Finding finding(String code, String kind, String foundOn, String stock) {
        return new AcceptanceFacts.Finding("F-" + code, code, null, kind, LocalDate.parse(foundOn),
                stock == null ? null : new BigDecimal(stock), stock != null, null, false);
    }

    /** An officer of any province, of its financial office. */
    public static Caller officerOf(String province) {
        return new Caller("id-officer-" + province, "officer-" + province, Set.of(PlatformRole.PROVINCIAL_OFFICER),
                province, "FINANCIAL_OFFICE");
    }

    /** The head of any province's financial office. */
    public static Caller financeHeadOf(String province) {
        return new Caller("id-head-finance-" + province, "head-finance-" + province,
                Set.of(PlatformRole.PROVINCIAL_HEAD, PlatformRole.PROVINCIAL_OFFICER), province, "FINANCIAL_OFFICE");
    }

    /** The head of any province's banking regulator's bureau. */
    public static Caller regulatorHeadOf(String province) {
        return new Caller("id-head-regulator-" + province, "head-regulator-" + province,
                Set.of(PlatformRole.PROVINCIAL_HEAD, PlatformRole.PROVINCIAL_OFFICER), province, "BANKING_REGULATOR");
    }
}
