package cn.p2psupervision.registry.statistics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.p2psupervision.platform.security.PlatformJwt;
import cn.p2psupervision.registry.TestCodes;
import cn.p2psupervision.registry.institution.TestCaller;

/**
 * REG-09/REG-10: totals per province and nationally for a period; no report for the period counts as zero and is
 * counted. Uses provinces 65 (Xinjiang) and 64 (Ningxia), which no other test writes to.
 */
@SpringBootTest(properties = {"platform.mongo.embedded.storage=memory", "platform.clock.start=2017-06-01T09:00:00+08:00"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiTest {

    @Autowired
    MockMvc mvc;

    @BeforeAll
    void xinjiangHasThreeInstitutionsTwoReportingOneCrossRegionOneLostContact() throws Exception {
        String a = register("65", "Xinjiang Alpha", "64");
        String b = register("65", "Xinjiang Beta", null);
        String c = register("65", "Xinjiang Gamma", null);
        register("64", "Ningxia Delta", null);
        register("64", "Ningxia Epsilon", null, ",\"establishedOn\":\"2017-05-10\"");
        report(a, "2017-04", "1000000.50", 100);
        report(b, "2017-04", "2500000.25", 250);
        report(c, "2017-03", "999.00", 9);
        mvc.perform(patch("/api/v1/registry/institutions/" + c).with(officer("65")).header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .content("{\"status\":\"LOST_CONTACT\",\"asOf\":\"2017-04-10\",\"source\":\"TIP_OFF\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void reg09_aProvinceSeesItsOwnTotalsWithUnreportedInstitutionsCountedAsZero() throws Exception {
        mvc.perform(get("/api/v1/registry/statistics?asOf=2017-04").with(officer("65")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("PROVINCE"))
                .andExpect(jsonPath("$.national").doesNotExist())
                .andExpect(jsonPath("$.provinces.length()").value(1))
                .andExpect(jsonPath("$.provinces[0].province").value("65"))
                .andExpect(jsonPath("$.provinces[0].totals.institutions").value(3))
                .andExpect(jsonPath("$.provinces[0].totals.withoutReport").value(1))
                .andExpect(jsonPath("$.provinces[0].totals.loanBalance").value("3500000.75"))
                .andExpect(jsonPath("$.provinces[0].totals.lenders").value(350))
                .andExpect(jsonPath("$.provinces[0].totals.crossRegion").value(1))
                .andExpect(jsonPath("$.provinces[0].totals.byStatus.OPERATING").value(2))
                .andExpect(jsonPath("$.provinces[0].totals.byStatus.LOST_CONTACT").value(1))
                .andExpect(jsonPath("$.operatingHereRegisteredElsewhere").value(0));
        mvc.perform(get("/api/v1/registry/statistics?asOf=2017-04").with(officer("64")))
                .andExpect(jsonPath("$.provinces[0].province").value("64"))
                .andExpect(jsonPath("$.provinces[0].totals.institutions").value(1))
                .andExpect(jsonPath("$.operatingHereRegisteredElsewhere").value(1));
    }

    @Test
    void reg09_institutionsCountWithTheirStatusAtTheEndOfThePeriodAndOnlyOnceEstablished() throws Exception {
        // Gamma lost contact as of 2017-04-10: operating at the end of March, lost contact at the end of April
        mvc.perform(get("/api/v1/registry/statistics?asOf=2017-03").with(officer("65")))
                .andExpect(jsonPath("$.provinces[0].totals.institutions").value(3))
                .andExpect(jsonPath("$.provinces[0].totals.byStatus.OPERATING").value(3))
                .andExpect(jsonPath("$.provinces[0].totals.byStatus.LOST_CONTACT").doesNotExist());
        mvc.perform(get("/api/v1/registry/statistics?asOf=2017-05").with(officer("65")))
                .andExpect(jsonPath("$.provinces[0].totals.byStatus.OPERATING").value(2))
                .andExpect(jsonPath("$.provinces[0].totals.byStatus.LOST_CONTACT").value(1));
        // Epsilon was established on 2017-05-10
        mvc.perform(get("/api/v1/registry/statistics?asOf=2017-05").with(officer("64")))
                .andExpect(jsonPath("$.provinces[0].totals.institutions").value(2));
    }

    @Test
    void reg09_centralSeesEveryProvinceAndTheNationalTotal() throws Exception {
        mvc.perform(get("/api/v1/registry/statistics?asOf=2017-03").with(TestCaller.CENTRAL.auth()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("NATIONAL"))
                .andExpect(jsonPath("$.provinces[?(@.province == '65')].totals.loanBalance").value("999.00"))
                .andExpect(jsonPath("$.provinces[?(@.province == '65')].totals.withoutReport").value(2))
                .andExpect(jsonPath("$.national.institutions").isNumber());
    }

    @Test
    void reg09_statisticsAreForRegulatorsOnly() throws Exception {
        mvc.perform(get("/api/v1/registry/statistics").with(TestCaller.AGENCY.auth())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/registry/statistics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/registry/statistics?asOf=May").with(TestCaller.CENTRAL.auth()))
                .andExpect(status().isBadRequest());
    }

    private String register(String province, String name, String branchProvince) throws Exception {
        return register(province, name, branchProvince, "");
    }

    private String register(String province, String name, String branchProvince, String moreFacts) throws Exception {
        String code = TestCodes.next("91" + province + "0000");
        String branches = branchProvince == null ? "" : ",\"branches\":[{\"name\":\"Office\",\"province\":\"" + branchProvince + "\"}]";
        mvc.perform(post("/api/v1/registry/institutions").with(officer(province)).contentType("application/json")
                .content("{\"creditCode\":\"" + code + "\",\"registeredProvince\":\"" + province + "\",\"name\":\""
                        + name + " " + code + "\"" + branches + moreFacts + "}"))
                .andExpect(status().isCreated());
        return code;
    }

    private void report(String code, String period, String balance, long lenders) throws Exception {
        String province = code.substring(2, 4);
        mvc.perform(post("/api/v1/registry/institutions/" + code + "/reports").with(officer(province))
                .contentType("application/json").content("{\"period\":\"" + period + "\",\"loanBalance\":\"" + balance
                        + "\",\"lenders\":" + lenders + ",\"borrowers\":1,\"newLending\":\"0.00\"}"))
                .andExpect(status().isCreated());
    }

    private static RequestPostProcessor officer(String province) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("id-officer-" + province)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claim("preferred_username", "officer-" + province).claim("province", province)
                .claim("realm_access", Map.of("roles", List.of("provincial-officer"))).build();
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(jwt).authorities(PlatformJwt.authorities(jwt));
    }
}
