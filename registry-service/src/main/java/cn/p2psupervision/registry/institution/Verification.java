package cn.p2psupervision.registry.institution;

import java.time.LocalDate;
import java.util.List;

/**
 * One verification of the file by the province (逐一核实, REG-06).
 *
 * @param method    how it was verified
 * @param date      when
 * @param officer   who verified (username), from the token
 * @param outcome   what was found, in words
 * @param confirmed facts confirmed as recorded
 * @param corrected facts corrected by this verification
 */
public record Verification(Method method, LocalDate date, String officer, String outcome, List<String> confirmed,
                           List<String> corrected) {

    public Verification {
        confirmed = confirmed == null ? List.of() : List.copyOf(confirmed);
        corrected = corrected == null ? List.of() : List.copyOf(corrected);
    }

    public enum Method {
        /** 公告确认 */
        PUBLIC_ANNOUNCEMENT,
        /** 电话联系 */
        PHONE_CONTACT,
        /** 现场勘查 */
        ON_SITE_SURVEY,
        /** 高管约谈 */
        EXECUTIVE_INTERVIEW,
        /** 网上核查 */
        ONLINE_CHECK
    }
}
