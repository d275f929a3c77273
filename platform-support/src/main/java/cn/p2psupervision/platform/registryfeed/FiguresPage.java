package cn.p2psupervision.platform.registryfeed;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A page of the registry's bulk read of operating figures ({@link RegistryReports#figures}): institutions in id order,
 * each with its whole series.
 *
 * @param items the institutions of the page, by ascending id
 * @param next  the last institution id of the page, to ask for the next page with; null when this page is the last
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FiguresPage(List<InstitutionFigures> items, String next) {

    public FiguresPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether another page follows. */
    public boolean hasNext() {
        return next != null;
    }
}
