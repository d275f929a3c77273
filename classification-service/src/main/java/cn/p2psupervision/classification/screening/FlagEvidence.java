package cn.p2psupervision.classification.screening;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * CLS-04: what raised a screening flag — the figures (periods and values) or the finding. Values, so that a flag
 * compares equal however its evidence was gathered.
 */
public sealed interface FlagEvidence extends Comparable<FlagEvidence> {

    /** A key that orders the evidence of one flag: by period, or by finding id (then by all values). */
    String sortKey();

    /** The evidence in Simplified Chinese. */
    String describe();

    @Override
    default int compareTo(FlagEvidence other) {
        int byType = getClass().getSimpleName().compareTo(other.getClass().getSimpleName());
        if (byType != 0) {
            return byType;
        }
        int byKey = sortKey().compareTo(other.sortKey());
        return byKey != 0 ? byKey : toString().compareTo(other.toString());
    }

    /**
     * A measure that grew from {@code fromValue} in {@code from} to {@code toValue} in {@code to}; {@code ratio} is
     * the growth, (to − from) / from, to four decimals rounded half up (0.8000 = +80 %).
     */
    record Growth(YearMonth from, YearMonth to, BigDecimal fromValue, BigDecimal toValue, BigDecimal ratio)
            implements FlagEvidence {

        @Override
        public String sortKey() {
            return from + "/" + to;
        }

        @Override
        public String describe() {
            return from + " 至 " + to + "：" + fromValue.toPlainString() + " → " + toValue.toPlainString() + "，增长 "
                    + ratio.movePointRight(2).toPlainString() + "%";
        }
    }

    /** The highest composite annual yield of a month, in percent, above the threshold. */
    record HighYield(YearMonth period, BigDecimal compositeYield) implements FlagEvidence {

        @Override
        public String sortKey() {
            return period.toString();
        }

        @Override
        public String describe() {
            return period + " 综合收益率 " + compositeYield.toPlainString() + "%";
        }
    }

    /** An active finding of a business type (CLS-01). */
    record FindingRef(String findingId, String problemCode) implements FlagEvidence {

        @Override
        public String sortKey() {
            return findingId;
        }

        @Override
        public String describe() {
            return "发现 " + findingId;
        }
    }
}
