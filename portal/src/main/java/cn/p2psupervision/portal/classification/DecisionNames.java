package cn.p2psupervision.portal.classification;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.p2psupervision.portal.api.ApiProblemException;
import cn.p2psupervision.portal.institution.Institutions;
import cn.p2psupervision.portal.institution.RegistryApi;

/**
 * The decisions of a list with their institutions' names: the decision list names institutions by id only, so each
 * file is read (a page of at most 20); a file the registry does not give shows by its id.
 */
@Component
public class DecisionNames {

    private final RegistryApi registry;

    DecisionNames(RegistryApi registry) {
        this.registry = registry;
    }

    public List<Decisions.Named> of(List<Decisions.Entry> entries) {
        return entries.stream().map(entry -> {
            try {
                Institutions.File file = registry.file(entry.institutionId());
                return new Decisions.Named(entry, file.name(), file.creditCode());
            } catch (ApiProblemException notGiven) {
                return new Decisions.Named(entry, null, null);
            }
        }).toList();
    }
}
