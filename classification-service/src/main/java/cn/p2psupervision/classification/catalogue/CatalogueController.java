package cn.p2psupervision.classification.catalogue;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/classification/catalogue}: the problems a finding may name (CLS-02, CLS-03), for every regulator. */
@RestController
class CatalogueController {

    private final ProblemCatalogue catalogue;

    CatalogueController(ProblemCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/classification/catalogue")
    CatalogueView catalogue() {
        return new CatalogueView(catalogue.all(), catalogue.borrowerCaps());
    }

    record CatalogueView(List<ProblemDefinition> problems, BorrowerCaps borrowerCaps) {
    }

    /** The catalogue shipped with the service, read and checked once at start. */
    @Configuration(proxyBeanMethods = false)
    static class CatalogueConfiguration {

        @Bean
        ProblemCatalogue problemCatalogue() {
            return ProblemCatalogue.load();
        }
    }
}
