package cn.p2psupervision.classification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.classification.finding.Evidence;
import cn.p2psupervision.classification.finding.FindingDetails;
import cn.p2psupervision.classification.finding.FindingSource;
import cn.p2psupervision.platform.registryfeed.InstitutionReference;
import cn.p2psupervision.platform.security.Caller;
import cn.p2psupervision.platform.security.PlatformRole;

/** Test data of the classification API tests: institutions as the registry feed projects them, and their officers. */
public final class ClassificationApiSupport {

    private static final AtomicLong SEQUENCE = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L) * 1000);

    private ClassificationApiSupport() {
    }

    /** A fresh institution id, unique in the shared in-memory database. */
    public static String newInstitutionId() {
        return "inst-" + SEQUENCE.incrementAndGet();
    }

    /** An in-scope institution with a custody bank, registered in {@code province}, doing business in {@code business}. */
    public static InstitutionReference institution(String id, String province, String... business) {
        return new InstitutionReference(id, "9133" + id.hashCode(), "测试网贷平台 " + id, province, List.of(business),
                "OPERATING", LocalDate.of(2014, 3, 1), LocalDate.of(2014, 6, 1), true, "浙商银行", 1);
    }

    /** An officer of any province (for setting up records of provinces the test callers do not cover). */
    public static Caller officerOf(String province) {
        return new Caller("id-officer-" + province, "officer-" + province, Set.of(PlatformRole.PROVINCIAL_OFFICER),
                province, "FINANCIAL_OFFICE");
    }

    /** A head of any province. */
    public static Caller headOf(String province) {
        return new Caller("id-head-" + province, "head-" + province,
                Set.of(PlatformRole.PROVINCIAL_HEAD, PlatformRole.PROVINCIAL_OFFICER), province, "BANKING_REGULATOR");
    }

    /** A finding's JSON as the API takes it, read for setting up records below the HTTP layer. */
    public static FindingDetails details(JsonMapper json, String findingJson) {
        return json.readValue(findingJson, FindingJson.class).details();
    }

    private record FindingJson(String problemCode, Evidence evidence, FindingSource source, LocalDate foundOn,
                               BigDecimal outstandingAmount) {
        FindingDetails details() {
            return new FindingDetails(problemCode, evidence, source, foundOn, outstandingAmount);
        }
    }

    /** A finding of a red line that is violating business (资金池), as JSON. */
    public static String fundPoolFinding() {
        return """
                {"problemCode":"FUND_POOL","evidence":{"text":"平台账户归集出借资金","documents":["检查记录-1"]},
                 "source":"ON_SITE_INSPECTION","foundOn":"2016-07-15","outstandingAmount":1250000.00}""";
    }

    /** A finding of suspected illegal fundraising (涉嫌非法集资), as JSON: the proposal is banning. */
    public static String fundraisingFinding() {
        return """
                {"problemCode":"ILLEGAL_FUNDRAISING","evidence":{"text":"向不特定公众吸收资金","documents":[]},
                 "source":"OTHER_AGENCY","foundOn":"2016-08-01","outstandingAmount":30000000.00}""";
    }
}
