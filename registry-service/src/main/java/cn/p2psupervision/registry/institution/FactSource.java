package cn.p2psupervision.registry.institution;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/**
 * Where a fact came from and who stands behind it (REG-05): its source and date, and whether a province edited or
 * verified it — which a later central import must never overwrite.
 *
 * @param source     the kind of source
 * @param asOf       the date the source states the fact for
 * @param recordedBy username of whoever recorded it
 * @param province   the province that edited or verified it, {@code null} for central data
 * @param verified   confirmed by a provincial verification (REG-06)
 */
public record FactSource(@NotNull Source source, LocalDate asOf, String recordedBy, String province, boolean verified) {

    /** True when a province stands behind the fact: edited or verified locally. */
    public boolean provincial() {
        return province != null || verified;
    }

    /** The kinds of source of REG-05 [000 二(三)]. */
    public enum Source {
        /** 行业数据库 */
        INDUSTRY_DATABASE,
        /** 大数据搜索 */
        BIG_DATA_SEARCH,
        /** 工商登记 */
        BUSINESS_REGISTRATION,
        /** 举报 */
        TIP_OFF,
        /** 第三方统计 */
        THIRD_PARTY_STATISTICS,
        /** 自律组织 */
        SELF_REGULATORY_ORGANISATION,
        /** 机构自身 */
        INSTITUTION,
        /** 逐一核实 (REG-06) */
        VERIFICATION,
        /** A decision of another context of the platform: banning, filing, an incident (REG-08). */
        SUPERVISORY_DECISION;

        /** Whether a caller may name this source for facts it states; the last two are set by their own endpoints. */
        public boolean claimable() {
            return this != VERIFICATION && this != SUPERVISORY_DECISION;
        }
    }
}
