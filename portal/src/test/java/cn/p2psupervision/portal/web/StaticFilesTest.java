package cn.p2psupervision.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import cn.p2psupervision.portal.PortalTest;

/**
 * The portal's static files are served from /assets/ and the libraries from /webjars/, and nothing else is looked up
 * as a static file: a page's links to other pages cost no search of the jar.
 */
class StaticFilesTest extends PortalTest {

    @Autowired
    ResourceUrlProvider resources;

    @Test
    void onlyAssetsAndWebjarsAreStaticFiles() throws Exception {
        mvc.perform(get("/assets/css/portal.css")).andExpect(status().isOk());
        mvc.perform(get("/assets/js/dashboard.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());

        assertThat(resources.getHandlerMap()).containsOnlyKeys("/webjars/**", "/assets/**");
        assertThat(resources.getForLookupPath("/institutions/105e4509")).isNull();
    }
}
