package cn.p2psupervision.portal.publicsite;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The public lists of the acceptance context (AUTH-06, ACC-08, ACC-12; docs/api.md, "Public lists"). */
public final class PublicLists {

    private PublicLists() {
    }

    /** An institution under public notice (公示). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(String institutionName, String creditCode, String registeredProvince,
                         String registeredProvinceName, String noticeNumber, LocalDate startedOn,
                         LocalDate earliestEndOn) {
    }

    /** A filed institution (备案登记). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filed(String institutionName, String creditCode, String registeredProvince,
                        String registeredProvinceName, LocalDate filedOn) {
    }
}
