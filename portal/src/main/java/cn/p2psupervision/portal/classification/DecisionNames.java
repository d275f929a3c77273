package cn.p2psupervision.portal.classification;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.institution.RegistryApi;

/**
 * The decisions of a list with their institutions' names: as the decision list gives them (from classification's copy
 * of the registry), else from the file (one read each, a page of at most 20); a file the registry does not give shows
 * by its id.
 */
@Component
public class DecisionNames {

    private final RegistryApi registry;

    DecisionNames(RegistryApi registry) {
        this.registry = registry;
    }

    public List<Decisions.Named> of(List<Decisions.Entry> entries) {
        return entries.stream().map(entry -> {
            if (entry.institutionName() != null) {
                return new Decisions.Named(entry, entry.institutionName(), entry.creditCode());
            }
            try {
                Institutions.File file = registry.file(entry.institutionId());
                return new Decisions.Named(entry, file.name(), file.creditCode());
            } catch (ApiProblemException notGiven) {
                return new Decisions.Named(entry, null, null);
            }
        }).toList();
    }
}
