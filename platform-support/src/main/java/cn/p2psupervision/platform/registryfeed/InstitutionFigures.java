package cn.p2psupervision.platform.registryfeed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An institution's whole series of headline figures (REG-03), as the registry's bulk read gives it
 * ({@link RegistryFigures#of}).
 *
 * @param institutionId the registry's id of the institution
 * @param figures       its months, the oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InstitutionFigures(String institutionId, List<MonthFigures> figures) {

    public InstitutionFigures {
        figures = figures == null ? List.of() : List.copyOf(figures);
    }
}
