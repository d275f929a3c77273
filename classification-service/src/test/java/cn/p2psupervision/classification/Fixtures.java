package cn.p2psupervision.classification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.p2psupervision.classification.catalogue.ProblemCatalogue;
import cn.p2psupervision.classification.finding.Evidence;
import cn.p2psupervision.classification.finding.Finding;
import cn.p2psupervision.classification.finding.FindingDetails;
import cn.p2psupervision.classification.finding.FindingSource;
import cn.p2psupervision.classification.proposal.InstitutionFacts;

/** Shared test data: the shipped catalogue, a day of the campaign, findings that pass CLS-01. */
public final class Fixtures {

    public static final ProblemCatalogue CATALOGUE = ProblemCatalogue.load();
    /** 2016-10-01 08:00 in China: classification stage of the campaign (CLS-10). */
    public static final Instant AT = Instant.parse("2016-10-01T00:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2016, 10, 1);
    public static final String INSTITUTION = "91330106MA27XQ1X0K";

    private Fixtures() {
    }

    /** The outstanding amount a finding of {@code code} must carry: one for violating business, else none. */
    public static BigDecimal amountFor(String code, BigDecimal amount) {
        return CATALOGUE.get(code).violatingBusiness() ? amount : null;
    }

    public static FindingDetails details(String code) {
        return new FindingDetails(code, new Evidence("现场检查发现：" + code, List.of("DOC-" + code)),
                FindingSource.ON_SITE_INSPECTION, LocalDate.of(2016, 7, 15),
                amountFor(code, new BigDecimal("1250000.00")));
    }

    /** An active finding of {@code code} for {@link #INSTITUTION}. */
    public static Finding finding(String id, String code) {
        return Finding.record(id, INSTITUTION, details(code), CATALOGUE, "officer-33", "33", AT);
    }

    public static InstitutionFacts facts(String custodyBank) {
        return new InstitutionFacts(INSTITUTION, true, "OPERATING", custodyBank, LocalDate.of(2014, 3, 1),
                LocalDate.of(2014, 6, 1));
    }
}
